-- A client's Idempotency-Key lives with the keys of every write (idempotency_key, crm.db.IdempotencyKeys):
-- those of customer complaints and survey responses move there with their fingerprints. source_key stays
-- what opens an automatic complaint once; a survey response's own id keeps its fingerprint on its row.
INSERT INTO idempotency_key (scope, key, request_hash, made, created_at)
SELECT 'complaint', source_key, request_hash, id, opened_at FROM complaint
WHERE source = 'CUSTOMER' AND source_key IS NOT NULL;
UPDATE complaint SET source_key = NULL WHERE source = 'CUSTOMER' AND source_key IS NOT NULL;
ALTER TABLE complaint DROP COLUMN request_hash;

INSERT INTO idempotency_key (scope, key, request_hash, made, created_at)
SELECT 'survey response', idempotency_key, request_hash, id, recorded_at FROM survey_response
WHERE idempotency_key IS NOT NULL;
ALTER TABLE survey_response DROP COLUMN idempotency_key;
