-- Who did it, from the caller's token (its upn), never from a request body: who set a customer's wallet,
-- who closed a period and who last recomputed it. Null on rows written before callers were known.
ALTER TABLE customer_segment ADD COLUMN wallet_updated_by text;
ALTER TABLE period_close
    ADD COLUMN closed_by     text,
    ADD COLUMN recomputed_by text;
