-- customer_period becomes one partition per period, so a close reads only its own period's totals (not every
-- month's and quarter's so far) and stays as fast in the third year as in the first. Its key leads with the
-- customer, so the one index serves both the ledger's upserts and the lookups of one customer's periods.
ALTER TABLE customer_period RENAME TO customer_period_v6;

CREATE TABLE customer_period (
    period            text        NOT NULL,
    customer_id       uuid        NOT NULL,
    revenue           numeric     NOT NULL,
    cost              numeric     NOT NULL,
    purchases         int         NOT NULL,
    last_purchase_at  timestamptz,  -- of a sale; null while the period holds only refunds
    PRIMARY KEY (customer_id, period)
) PARTITION BY LIST (period);

-- The partition of a period, added unless it is there: customer_period_2026_10, customer_period_2026_q4. The
-- table is made, then attached, which locks out no writer or reader of the other periods' totals. Writers
-- of one new period queue on the advisory lock, and the later ones find the partition made.
CREATE FUNCTION customer_period_partition(p text) RETURNS regclass LANGUAGE plpgsql AS $$
DECLARE
    t text := 'customer_period_' || lower(replace(p, '-', '_'));
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('customer-period-partition:' || p));
    IF to_regclass(quote_ident(t)) IS NULL THEN
        EXECUTE format('CREATE TABLE %I (LIKE customer_period INCLUDING DEFAULTS, CHECK (period = %L))', t, p);
        EXECUTE format('ALTER TABLE customer_period ATTACH PARTITION %I FOR VALUES IN (%L)', t, p);
    END IF;
    RETURN to_regclass(quote_ident(t));
END $$;

SELECT customer_period_partition(period) FROM (SELECT DISTINCT period FROM customer_period_v6) p;

INSERT INTO customer_period (period, customer_id, revenue, cost, purchases, last_purchase_at)
SELECT period, customer_id, revenue, cost, purchases, last_purchase_at FROM customer_period_v6;

DROP TABLE customer_period_v6;
