-- period_level becomes one partition per closed period, so a close loads its million rows into a fresh
-- table and builds the index once (instead of a million index inserts), and the changes of a close live in
-- the same rows: from_level/direction against the previous close, and the announcement (revision,
-- announced_from) that the period's SegmentChanged events are read from. segment_change goes.
ALTER TABLE period_level RENAME TO period_level_v5;
ALTER INDEX period_level_customer RENAME TO period_level_v5_customer;

CREATE TABLE period_level (
    period         text    NOT NULL,
    customer_id    uuid    NOT NULL,
    level          text    NOT NULL,
    revenue        numeric NOT NULL,
    margin         numeric NOT NULL,
    purchases      int     NOT NULL,
    rank           int,
    from_level     text    NOT NULL,  -- at the previous close of the same kind; PROSPECT when there is none
    direction      text,              -- UP, DOWN, NEW, LOST, REACTIVATED; null when the level did not change
    revision       int,               -- the close (0) or recompute (1, 2, ...) whose events announced this level
    announced_from text               -- the level that announcement moved the customer from
) PARTITION BY LIST (period);
CREATE UNIQUE INDEX period_level_customer ON period_level (customer_id, period);

ALTER TABLE period_close ADD COLUMN revision int NOT NULL DEFAULT 0;

-- Partitions are named after their period: period_level_2026_10, period_level_2026_q3.
DO $$
DECLARE
    p text;
BEGIN
    FOR p IN SELECT DISTINCT period FROM period_level_v5 LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF period_level FOR VALUES IN (%L)',
                       'period_level_' || lower(replace(p, '-', '_')), p);
    END LOOP;
END $$;

INSERT INTO period_level (period, customer_id, level, revenue, margin, purchases, rank, from_level, direction,
                          revision, announced_from)
SELECT l.period, l.customer_id, l.level, l.revenue, l.margin, l.purchases, l.rank, coalesce(c.from_level, l.level),
       c.direction, CASE WHEN c.direction IS NOT NULL THEN 0 END, c.from_level
FROM period_level_v5 l
LEFT JOIN segment_change c ON c.period = l.period AND c.customer_id = l.customer_id;

DROP TABLE period_level_v5;
DROP TABLE segment_change;
