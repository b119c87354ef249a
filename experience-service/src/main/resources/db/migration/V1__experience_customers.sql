CREATE TABLE experience_customer (
    customer_id uuid        PRIMARY KEY,
    kind        text        NOT NULL,
    known_since timestamptz NOT NULL
);
