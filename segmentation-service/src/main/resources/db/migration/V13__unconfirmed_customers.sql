-- A customer first heard of from a sale (or a wallet or assessment) before customer-service's CustomerRegistered:
-- since when. What they bought counts at once; CustomerRegistered (or a merge naming them) confirms them and sets
-- this back to NULL. Customers still unconfirmed after a while are listed for an operator (a till sending wrong ids).
ALTER TABLE customer_segment ADD COLUMN unconfirmed_since timestamptz;
CREATE INDEX customer_segment_unconfirmed ON customer_segment (unconfirmed_since, customer_id)
    WHERE unconfirmed_since IS NOT NULL;
