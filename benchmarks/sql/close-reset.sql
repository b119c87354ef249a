-- Before each run of bin/crm bench close: the November sales bin/crm bench ingest added go, so the plain
-- SQL scans the same ledger each run (and the totals they left are vacuumed away for the close), and
-- October is closed afresh: its close, its level partitions and the events it wrote go.
SET client_min_messages = warning;
SET search_path = segmentation;
DELETE FROM ledger_transaction WHERE occurred_at >= '2026-11-01 00:00+08';
DELETE FROM customer_period WHERE period = '2026-11';
SELECT format('DROP TABLE %s', c.oid::regclass) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
  WHERE i.inhparent = 'segmentation.period_level'::regclass \gexec
TRUNCATE period_close, outbox_event CASCADE;
VACUUM ANALYZE ledger_transaction, customer_period;
