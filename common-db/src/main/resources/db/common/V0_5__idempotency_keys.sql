-- The Idempotency-Key of every write a client may retry (crm.db.IdempotencyKeys): per scope (what the
-- key is for), the request's fingerprint and the id of what the first request made.
CREATE TABLE idempotency_key (
    scope        text        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    made         uuid,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (scope, key)
);
