CREATE TABLE customer_segment (
    customer_id   uuid        PRIMARY KEY,
    level         text        NOT NULL,
    level_since   timestamptz NOT NULL,
    registered_at timestamptz NOT NULL
);
