-- When this service applied a customer's erasure (CustomerErased, or a merge into a customer erased here): the
-- answer to GET /segments/customers/{id}/erasure, and what refuses new personal data for the id. A table of its own:
-- an erased id may be unknown here, or merged away.
CREATE TABLE customer_erasure (
    customer_id uuid        PRIMARY KEY,
    erased_at   timestamptz NOT NULL
);

-- Which ids were merged into which (CustomerMerged), so an erasure of the survivor reaches the ids merged into it.
CREATE TABLE customer_merge (
    duplicate_id uuid        PRIMARY KEY,
    survivor_id  uuid        NOT NULL,
    merged_at    timestamptz NOT NULL
);
CREATE INDEX customer_merge_survivor ON customer_merge (survivor_id);
