-- The front-desk card's data for bin/crm bench card, straight into the services' own tables (their
-- schemas as Flyway made them: run it after the services started once on the database).
--   psql -v ON_ERROR_STOP=1 -v customers=1000000 -v month=YYYY-MM -f card.sql (month: the current one, so a
--   load of an earlier month is made again)
-- Customer n (1..customers) has the id md5('customer-' || n) and the phone +86138 and n in eight digits.
-- The three schemas are emptied before (empty.sql). Set-based throughout: a million customers load in
-- minutes. The months are the two before this one, in the business's time zone (Asia/Shanghai), so the
-- card finds a level at the last close and one before it.
SET client_min_messages = warning;
SET TIME ZONE 'Asia/Shanghai';
SET maintenance_work_mem = '256MB';
SET work_mem = '64MB';

-- The two closed months (p1 before p2), and the first of the twelve months the ledger spans.
SELECT to_char(date_trunc('month', now()) - interval '2 months', 'YYYY-MM') AS p1,
       to_char(date_trunc('month', now()) - interval '1 month', 'YYYY-MM') AS p2,
       date_trunc('month', now()) - interval '12 months' AS ledger_from \gset

-- customer-service ------------------------------------------------------------------------------
SET search_path = customer;
-- Birthdays over forty years, so every day of the year has its share (some fall within the card's week);
-- last seen up to 500 days ago (WELCOME_BACK after 365); one in a hundred A-class with an owner.
INSERT INTO customer (id, kind, given_name, family_name, display_name, salutation, birthday, language, status,
    version, created_at, updated_at, influence_class, owner_id, last_seen_at)
  SELECT md5('customer-' || n)::uuid, 'CONSUMER', 'Guest', n::text, 'Guest ' || n,
    CASE WHEN n % 2 = 0 THEN 'Ms. ' ELSE 'Mr. ' END || 'Guest ' || n, date '1960-01-01' + (n::bigint * 7919 % 14610)::int,
    'zh-CN', 'ACTIVE', 0, timestamptz '2024-01-01 00:00', now(),
    CASE WHEN n % 100 = 0 THEN 'A' WHEN n % 10 = 0 THEN 'B' ELSE 'C' END,
    CASE WHEN n % 100 = 0 THEN 'am-' || n % 7 END,
    now() - (n::bigint * 104729 % (500 * 86400)) * interval '1 second'
  FROM generate_series(1, :customers) n;
INSERT INTO customer_identifier (id, customer_id, kind, value, created_at)
  SELECT md5('phone-' || n)::uuid, md5('customer-' || n)::uuid, 'PHONE', '+86138' || lpad(n::text, 8, '0'),
    timestamptz '2024-01-01 00:00'
  FROM generate_series(1, :customers) n;
-- A stated seat for one in three, an observed drink for one in five.
INSERT INTO customer_preference (customer_id, key, category, value, source, confidence, confirmed_at)
  SELECT md5('customer-' || n)::uuid, 'seat', 'SEAT', 'window-' || n % 5, 'STATED', NULL, now() - interval '30 days'
  FROM generate_series(3, :customers, 3) n;
INSERT INTO customer_preference (customer_id, key, category, value, source, confidence, confirmed_at)
  SELECT md5('customer-' || n)::uuid, 'drink', 'BEVERAGE', 'green tea', 'OBSERVED', 0.8, now() - interval '10 days'
  FROM generate_series(5, :customers, 5) n;
-- Marketing by SMS granted by half the customers; one in ten of those withdrew it later.
INSERT INTO consent_change (customer_id, purpose, channel, status, source, changed_at)
  SELECT md5('customer-' || n)::uuid, 'MARKETING', 'SMS', 'GRANTED', 'bench', timestamptz '2024-01-01 00:00'
  FROM generate_series(2, :customers, 2) n;
INSERT INTO consent_change (customer_id, purpose, channel, status, source, changed_at)
  SELECT md5('customer-' || n)::uuid, 'MARKETING', 'SMS', 'WITHDRAWN', 'bench', timestamptz '2025-01-01 00:00'
  FROM generate_series(20, :customers, 20) n;

-- segmentation-service --------------------------------------------------------------------------
SET search_path = segmentation;
-- A wallet for one in ten (the RAD grid), a survey's satisfaction for one in ten.
INSERT INTO customer_segment (customer_id, registered_at, wallet, wallet_currency, wallet_updated_at,
    satisfaction, nps, surveyed_at)
  SELECT md5('customer-' || n)::uuid, timestamptz '2024-01-01 00:00',
    CASE WHEN n % 10 = 3 THEN 2000 + n % 50000 END, CASE WHEN n % 10 = 3 THEN 'CNY' END,
    CASE WHEN n % 10 = 3 THEN now() END,
    CASE WHEN n % 10 = 0 THEN 3 + n % 3 END, CASE WHEN n % 10 = 0 THEN 6 + n % 5 END,
    CASE WHEN n % 10 = 0 THEN now() - interval '20 days' END
  FROM generate_series(1, :customers) n;
-- Three sales for nine customers in ten: one in the last closed month for two in three (else three
-- months earlier), one in the month before for three in four (else four months earlier), one anywhere
-- in the twelve months; customers ending in 0 never bought. Months counted back from the last closed one.
INSERT INTO ledger_transaction (id, source, external_id, customer_id, occurred_at, store, channel, currency, refund,
    lines, attributes, revenue, cost, request_hash, recorded_at)
  SELECT md5('sale-' || n || '-' || k)::uuid, 'bench', n || '-' || k, md5('customer-' || n)::uuid,
    date_trunc('month', now()) - (1 + back) * interval '1 month'
      + ((n::bigint * 7919 + k * 104729) % (28 * 86400)) * interval '1 second',
    's' || n % 5, 'STORE', 'CNY', false, '[]'::jsonb, '{}'::jsonb,
    10 + (n::bigint * 7919 * k % 99991) / 100.0, 10 + (n::bigint * 7919 * k % 99991) / 160.0, 'bench', now()
  FROM generate_series(1, :customers) n
  CROSS JOIN LATERAL (VALUES (1, CASE WHEN n % 3 <> 0 THEN 0 ELSE 3 END),
                             (2, CASE WHEN n % 4 <> 0 THEN 1 ELSE 5 END),
                             (3, n % 12)) s(k, back)
  WHERE n % 10 <> 0;
SELECT customer_period_partition(to_char(m, 'YYYY-MM'))
  FROM generate_series(:'ledger_from'::timestamptz, date_trunc('month', now()) - interval '1 month', interval '1 month') m
  \g /dev/null
INSERT INTO customer_period (period, customer_id, revenue, cost, purchases, last_purchase_at)
  SELECT to_char(occurred_at, 'YYYY-MM'), customer_id, sum(revenue), sum(cost), count(*), max(occurred_at)
  FROM ledger_transaction GROUP BY 1, 2;
UPDATE customer_segment s SET first_purchase_at = f.first
  FROM (SELECT customer_id, min(occurred_at) AS first FROM ledger_transaction GROUP BY 1) f
  WHERE f.customer_id = s.customer_id;
-- The two closes, each level as a close computes it (revenue ranks cut 1/4/15/80; no sale in the month:
-- INACTIVE after a first purchase, else PROSPECT), each period in a partition of its own with the index
-- over customers the service gives each part.
SELECT format('CREATE TABLE segmentation.%I PARTITION OF segmentation.period_level FOR VALUES IN (%L)',
    'period_level_' || replace(p, '-', '_'), p) FROM (VALUES (:'p1'), (:'p2')) v(p) \gexec
CREATE TEMP TABLE card_level AS
  SELECT p.period, s.customer_id,
    CASE WHEN r.rank IS NULL THEN CASE WHEN s.first_purchase_at < p.day_after THEN 'INACTIVE' ELSE 'PROSPECT' END
         WHEN r.rank <= (r.active * 1 + 50) / 100 THEN 'TOP' WHEN r.rank <= (r.active * 5 + 50) / 100 THEN 'BIG'
         WHEN r.rank <= (r.active * 20 + 50) / 100 THEN 'MEDIUM' ELSE 'SMALL' END AS level,
    coalesce(r.revenue, 0) AS revenue, coalesce(r.revenue - r.cost, 0) AS margin, coalesce(r.purchases, 0) AS purchases,
    r.rank
  FROM (VALUES (:'p1', (:'p1' || '-01')::date + interval '1 month'), (:'p2', (:'p2' || '-01')::date + interval '1 month'))
       p(period, day_after)
  CROSS JOIN customer_segment s
  LEFT JOIN (SELECT period, customer_id, revenue, cost, purchases,
               row_number() OVER (PARTITION BY period ORDER BY revenue DESC, customer_id) AS rank,
               count(*) OVER (PARTITION BY period) AS active
             FROM customer_period WHERE period IN (:'p1', :'p2') AND purchases > 0) r
    ON r.period = p.period AND r.customer_id = s.customer_id;
-- The later close's from_level and direction against the earlier one, the earlier's against none (PROSPECT).
INSERT INTO period_level (period, customer_id, level, revenue, margin, purchases, rank, from_level, direction)
  SELECT l.period, l.customer_id, l.level, l.revenue, l.margin, l.purchases, l.rank, f.level,
    CASE WHEN l.level = f.level THEN NULL WHEN l.level = 'INACTIVE' THEN 'LOST'
      WHEN f.level = 'PROSPECT' THEN 'NEW' WHEN f.level = 'INACTIVE' THEN 'REACTIVATED'
      WHEN array_position(ARRAY['TOP', 'BIG', 'MEDIUM', 'SMALL', 'INACTIVE', 'PROSPECT'], l.level)
         < array_position(ARRAY['TOP', 'BIG', 'MEDIUM', 'SMALL', 'INACTIVE', 'PROSPECT'], f.level) THEN 'UP'
      ELSE 'DOWN' END
  FROM card_level l
  LEFT JOIN card_level o ON l.period = :'p2' AND o.period = :'p1' AND o.customer_id = l.customer_id
  CROSS JOIN LATERAL (SELECT coalesce(o.level, 'PROSPECT') AS level) f;
DROP TABLE card_level;
SELECT format('CREATE INDEX %I ON segmentation.%I (customer_id)', t || '_customer', t)
  FROM (VALUES ('period_level_' || replace(:'p1', '-', '_')), ('period_level_' || replace(:'p2', '-', '_'))) v(t) \gexec
INSERT INTO period_close (period, first_day, day_after, metric, levels, customers, active, changes, closed_at, closed_by)
  SELECT l.period, (l.period || '-01')::date, ((l.period || '-01')::date + interval '1 month')::date,
    'REVENUE', ARRAY['TOP', 'BIG', 'MEDIUM', 'SMALL', 'INACTIVE', 'PROSPECT'], count(*),
    count(*) FILTER (WHERE l.rank IS NOT NULL), count(*) FILTER (WHERE l.direction IS NOT NULL),
    (l.period || '-01')::date + interval '1 month' + interval '1 day', 'bench'
  FROM period_level l GROUP BY l.period;

-- experience-service ----------------------------------------------------------------------------
SET search_path = experience;
INSERT INTO journey (id, code, version, name, auto_complaints, created_at)
  VALUES (md5('bench-card-journey')::uuid, 'bench-card', 1, 'Restaurant visit', false, timestamptz '2024-01-01 00:00');
INSERT INTO touch_point (journey_id, position, code, name, channel, need, brand_type)
  SELECT md5('bench-card-journey')::uuid, position, code, name, 'STORE', need, brand_type
  FROM (VALUES (0, 'booking', 'Booking', 'CONVENIENCE', 'BRANDED'), (1, 'welcome', 'Welcome', 'RELATIONSHIP', 'BRANDED'),
               (2, 'food', 'Food', 'PRODUCT', 'BRANDED'), (3, 'service', 'Service', 'SERVICE', 'UNBRANDED'),
               (4, 'bill', 'Bill', 'PRICE', 'BRANDED')) t(position, code, name, need, brand_type);
INSERT INTO survey (id, name, journey_code, questions, created_at)
  VALUES (md5('bench-card-survey')::uuid, 'After the visit', 'bench-card',
    '[{"code":"q1","text":"How satisfied are you with today''s visit?","type":"SCALE_1_5","required":true,"role":"SATISFACTION","options":null}]',
    timestamptz '2024-01-01 00:00');
INSERT INTO experience_customer (customer_id, kind, known_since)
  SELECT md5('customer-' || n)::uuid, 'CONSUMER', timestamptz '2024-01-01 00:00' FROM generate_series(1, :customers) n;
-- Two visits in the last half year for one customer in four, each with an entry per touch point.
INSERT INTO visit (visit_id, journey_id, journey_code, customer_id, store, started_at)
  SELECT 'card-' || n || '-' || k, md5('bench-card-journey')::uuid, 'bench-card', md5('customer-' || n)::uuid,
    's' || n % 5, now() - ((n::bigint * 7919 * k) % (180 * 86400)) * interval '1 second'
  FROM generate_series(4, :customers, 4) n, generate_series(1, 2) k;
INSERT INTO log_entry (id, visit_id, touch_point_code, position, score, occurred_at, recorded_by, recorded_at)
  SELECT md5(v.visit_id || '/' || t.position)::uuid, v.visit_id, t.code, t.position,
    abs(hashtext(v.visit_id || t.position)) % 7 - 3, v.started_at + t.position * interval '10 minutes', 'STAFF', now()
  FROM visit v JOIN touch_point t ON t.journey_id = v.journey_id;
INSERT INTO customer_history (customer_id, first_purchase_at, first_visit_at)
  SELECT customer_id, NULL, min(started_at) FROM visit GROUP BY customer_id;
-- Unclosed complaints for one customer in fifty (half acknowledged; the open ones of even days overdue).
INSERT INTO complaint (id, source, customer_id, journey_code, touch_point_code, severity,
    channel, description, owner_id, status, opened_at, respond_by, acknowledged_at, opened_by)
  SELECT md5('complaint-' || n)::uuid, 'CUSTOMER', md5('customer-' || n)::uuid, 'bench-card',
    'food', 'MEDIUM', 'STORE', 'The soup was cold.', 'am-' || n % 7,
    CASE WHEN n % 100 = 0 THEN 'ACKNOWLEDGED' ELSE 'OPEN' END, now() - (n % 10) * interval '1 day',
    now() - (n % 10) * interval '1 day' + interval '4 hours',
    CASE WHEN n % 100 = 0 THEN now() - (n % 10) * interval '1 day' + interval '1 hour' END, 'bench'
  FROM generate_series(50, :customers, 50) n;
-- A survey answer for one customer in ten, some within the quiet period.
INSERT INTO survey_response (id, survey_id, request_hash, customer_id, answered_at, recorded_at, answers, satisfaction)
  SELECT md5('response-' || n)::uuid, md5('bench-card-survey')::uuid, 'bench', md5('customer-' || n)::uuid,
    now() - (n % 120) * interval '1 day', now(), '{"q1": 4}'::jsonb, 4
  FROM generate_series(10, :customers, 10) n;

VACUUM ANALYZE customer.customer, customer.customer_identifier, customer.customer_preference, customer.consent_change,
  segmentation.customer_segment, segmentation.ledger_transaction, segmentation.customer_period,
  segmentation.period_level, segmentation.period_close, experience.experience_customer, experience.visit,
  experience.log_entry, experience.customer_history, experience.complaint, experience.survey_response;
