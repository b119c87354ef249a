-- The transaction ledger. Lines are kept with their transaction (read together, never alone).
CREATE TABLE ledger_transaction (
    id           uuid        PRIMARY KEY,
    source       text        NOT NULL,
    external_id  text        NOT NULL,
    customer_id  uuid        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    store        text,
    channel      text,
    currency     text        NOT NULL,
    refund       boolean     NOT NULL,
    lines        jsonb       NOT NULL,
    attributes   jsonb       NOT NULL,
    revenue      numeric     NOT NULL,
    cost         numeric     NOT NULL,
    request_hash text        NOT NULL,
    recorded_at  timestamptz NOT NULL,
    CONSTRAINT ledger_transaction_source_external UNIQUE (source, external_id)
);
CREATE INDEX ledger_transaction_customer ON ledger_transaction (customer_id, occurred_at);

-- Per customer and period (month and quarter), kept up to date as transactions arrive, so a close
-- ranks customers without re-reading the ledger.
CREATE TABLE customer_period (
    period            text        NOT NULL,
    customer_id       uuid        NOT NULL,
    revenue           numeric     NOT NULL,
    cost              numeric     NOT NULL,
    purchases         int         NOT NULL,
    last_purchase_at  timestamptz,  -- of a sale; null while the period holds only refunds
    PRIMARY KEY (period, customer_id)
);
CREATE INDEX customer_period_customer ON customer_period (customer_id);

ALTER TABLE customer_segment
    ADD COLUMN first_purchase_at timestamptz,
    ADD COLUMN last_purchase_at  timestamptz;
