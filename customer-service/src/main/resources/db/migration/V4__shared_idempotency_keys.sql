-- A client's Idempotency-Key lives with the keys of every write (idempotency_key, crm.db.IdempotencyKeys):
-- the registrations' keys move there with their fingerprints.
INSERT INTO idempotency_key (scope, key, request_hash, made, created_at)
SELECT 'registration', key, request_hash, customer_id, created_at FROM registration_key;
DROP TABLE registration_key;
