-- bin/crm bench close's ledger (psql -v customers=N -v transactions=M), into segmentation-service's tables
-- as Flyway made them, emptied before (empty.sql): M sales in October 2026 spread over N customers
-- (customer n has the id md5('c' || n)), with the month's totals per customer the service keeps.
SET client_min_messages = warning;
SET search_path = segmentation;
INSERT INTO customer_segment (customer_id, registered_at)
  SELECT md5('c' || n)::uuid, '2026-01-01T00:00:00Z' FROM generate_series(1, :customers) n;
INSERT INTO ledger_transaction (id, source, external_id, customer_id, occurred_at, store, channel, currency, refund,
    lines, attributes, revenue, cost, request_hash, recorded_at)
  SELECT gen_random_uuid(), 'bench', 't' || t, md5('c' || (1 + t % :customers))::uuid,
    timestamptz '2026-10-01 00:00:00+08' + (t % 2678400) * interval '1 second', 's1', 'STORE', 'CNY', false,
    '[]'::jsonb, '{}'::jsonb, (t::bigint * 7919 % 99991) / 100.0, (t::bigint * 7919 % 99991) / 160.0, 'bench', now()
  FROM generate_series(1, :transactions) t;
SELECT customer_period_partition('2026-10') \g /dev/null
INSERT INTO customer_period (period, customer_id, revenue, cost, purchases, last_purchase_at)
  SELECT '2026-10', customer_id, sum(revenue), sum(cost), count(*), max(occurred_at)
  FROM ledger_transaction GROUP BY customer_id;
UPDATE customer_segment s SET first_purchase_at = f.first
  FROM (SELECT customer_id, min(occurred_at) AS first FROM ledger_transaction GROUP BY 1) f
  WHERE f.customer_id = s.customer_id;
VACUUM ANALYZE customer_segment, ledger_transaction, customer_period;
