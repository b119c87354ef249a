-- A registration retried with the same Idempotency-Key creates one customer, not two.
CREATE TABLE registration_key (
    key          text        PRIMARY KEY,
    request_hash text        NOT NULL,
    customer_id  uuid        REFERENCES customer (id),  -- set in the same transaction
    created_at   timestamptz NOT NULL
);
