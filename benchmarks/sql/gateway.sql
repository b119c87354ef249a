-- bin/crm bench gateway's customers (psql -v customers=N): identify.sql's, known to segmentation-service too.
\ir identify.sql
INSERT INTO segmentation.customer_segment (customer_id, registered_at)
  SELECT md5('customer-' || n)::uuid, '2026-01-01T00:00:00Z' FROM generate_series(1, :customers) n;
VACUUM ANALYZE segmentation.customer_segment;
