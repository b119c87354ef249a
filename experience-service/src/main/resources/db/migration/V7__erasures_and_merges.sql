-- When this service applied a customer's erasure: CustomerErased, or a CustomerMerged whose survivor was erased
-- here already (the duplicate is then erased too). The erasure-status route answers from it, and writes naming
-- an erased id are refused or stored unlinked. Only the id stays: it is what the erasure request named.
CREATE TABLE customer_erasure (
    customer_id uuid        PRIMARY KEY,
    erased_at   timestamptz NOT NULL
);

-- Which ids were merged into which (CustomerMerged), so an erasure of a survivor reaches what still arrives
-- under its duplicates' ids, and the events this service holds keyed by them.
CREATE TABLE customer_merge (
    duplicate_id uuid        PRIMARY KEY,
    survivor_id  uuid        NOT NULL,
    merged_at    timestamptz NOT NULL
);
CREATE INDEX customer_merge_survivor ON customer_merge (survivor_id);
