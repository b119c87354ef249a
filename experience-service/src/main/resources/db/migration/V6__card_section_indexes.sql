-- The front-desk card reads one customer's latest visit and the survey defined last, each as one index row.
-- The latest visit: this index leads with the customer like visit_customer did, so it replaces it.
CREATE INDEX visit_customer_latest ON visit (customer_id, started_at DESC, visit_id DESC) WHERE customer_id IS NOT NULL;
DROP INDEX visit_customer;
CREATE INDEX survey_created ON survey (created_at DESC, id DESC);
