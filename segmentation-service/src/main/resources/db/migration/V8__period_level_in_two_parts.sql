-- A first close writes a period's levels in two parts at once, the customers ranked above a pivot and the
-- others, each into a table of its own that it then indexes (two writers filling one table queue for its
-- extension lock). The period's partition is split by rank for that: ranks 1 to the pivot's, and the rest,
-- including the customers without a rank. An index of a table split by rank cannot be unique on the customer
-- alone, so the index on the customer is no longer unique: one row per customer and period is the close's
-- to keep (each customer comes from exactly one of the ranked, margin and unranked sets, all read as of one
-- snapshot).
DROP INDEX period_level_customer;
CREATE INDEX period_level_customer ON period_level (customer_id);
