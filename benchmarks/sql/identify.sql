-- bin/crm bench identify's customers (psql -v customers=N), into customer-service's tables as Flyway made
-- them, emptied before (empty.sql). Customer n (1..customers) has the id md5('customer-' || n) and the
-- phone +86138 and n in eight digits.
SET client_min_messages = warning;
INSERT INTO customer.customer (id, kind, display_name, status, version, created_at, updated_at)
  SELECT md5('customer-' || n)::uuid, 'CONSUMER', 'Guest ' || n, 'ACTIVE', 0, now(), now()
  FROM generate_series(1, :customers) n;
INSERT INTO customer.customer_identifier (id, customer_id, kind, value, created_at)
  SELECT md5('phone-' || n)::uuid, md5('customer-' || n)::uuid, 'PHONE', '+86138' || lpad(n::text, 8, '0'), now()
  FROM generate_series(1, :customers) n;
VACUUM ANALYZE customer.customer, customer.customer_identifier;
