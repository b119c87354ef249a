-- bin/crm bench experience's visits (psql -v visits=N), into experience-service's tables emptied before
-- (empty.sql) and the furniture-store journey bench-store created after through the API: N visits in October
-- 2026 with an entry at each of its twenty touch points; nine in ten by one of 20,000 customers (md5('c' || n)),
-- half of whom bought before.
SET client_min_messages = warning;
SET search_path = experience;
INSERT INTO visit (visit_id, journey_id, journey_code, customer_id, store, started_at)
  SELECT md5('bench-visit-' || v), j.id, j.code, CASE WHEN v % 10 = 0 THEN NULL ELSE md5('c' || (1 + v % 20000))::uuid END,
    's' || (v % 5), timestamptz '2026-10-01 00:00+08' + (v::bigint * 7919 % 2678400) * interval '1 second'
  FROM generate_series(1, :visits) v, journey j WHERE j.code = 'bench-store' AND j.version = 1;
INSERT INTO log_entry (id, visit_id, touch_point_code, position, score, occurred_at, recorded_by, recorded_at)
  SELECT gen_random_uuid(), v.visit_id, t.code, t.position, abs(hashtext(v.visit_id::text || t.position)) % 7 - 3,
    v.started_at + t.position * interval '3 minutes', 'STAFF', now()
  FROM visit v JOIN touch_point t ON t.journey_id = v.journey_id WHERE v.journey_code = 'bench-store';
INSERT INTO customer_history (customer_id, first_purchase_at, first_visit_at)
  SELECT customer_id, CASE WHEN abs(hashtext(customer_id::text)) % 2 = 0 THEN timestamptz '2026-10-15 00:00+08' END,
    min(started_at) FROM visit WHERE customer_id IS NOT NULL GROUP BY customer_id;
VACUUM ANALYZE visit, log_entry, customer_history;
