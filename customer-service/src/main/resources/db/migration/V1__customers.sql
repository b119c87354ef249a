CREATE TABLE customer (
    id           uuid        PRIMARY KEY,
    kind         text        NOT NULL,
    given_name   text,
    family_name  text,
    display_name text        NOT NULL,
    salutation   text,
    birthday     date,
    status       text        NOT NULL,
    version      bigint      NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);

-- Identify runs at the counter while the guest waits: one index lookup by (kind, value).
CREATE TABLE customer_identifier (
    id          uuid        PRIMARY KEY,
    customer_id uuid        NOT NULL REFERENCES customer (id),
    kind        text        NOT NULL,
    value       text        NOT NULL,
    created_at  timestamptz NOT NULL,
    CONSTRAINT customer_identifier_kind_value UNIQUE (kind, value)
);

CREATE INDEX customer_identifier_customer ON customer_identifier (customer_id);
