-- Entered by account managers: the customer's yearly spend in the category at all suppliers (for share
-- of wallet), and how well our capabilities fit them and how individual their needs are.
ALTER TABLE customer_segment
    ADD COLUMN wallet            numeric,
    ADD COLUMN wallet_currency   text,
    ADD COLUMN wallet_updated_at timestamptz,
    ADD COLUMN capability_fit    text,
    ADD COLUMN needs             text,
    ADD COLUMN assessed_by       text,
    ADD COLUMN assessed_at       timestamptz;

-- RFM quintile cut points per closed period (over the window before its end), computed once on first use.
CREATE TABLE rfm_cut (
    period      text      PRIMARY KEY,
    recency     numeric[] NOT NULL,
    frequency   numeric[] NOT NULL,
    monetary    numeric[] NOT NULL,
    customers   int       NOT NULL
);
