-- bin/crm bench identify: the lookup identify by phone makes, as one point select (pgbench -D customers=N).
\set n random(1, :customers)
SELECT c.id, c.salutation, c.display_name, c.kind, c.influence_class, c.owner_id
  FROM customer.customer_identifier i JOIN customer.customer c ON c.id = i.customer_id
  WHERE i.kind = 'PHONE' AND i.value = '+86138' || lpad(:n::text, 8, '0');
