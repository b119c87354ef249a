-- A close answers once its levels are committed; the index over customers of each part of period_level
-- follows a moment later, built concurrently by the service (LevelIndexes), not in the close's
-- transaction. An index on the partitioned table would make every attach build it there and then, so
-- each part (a leaf of the partition tree) has an index of its own instead, named after it.
DO $$
DECLARE
    leaf text;
BEGIN
    FOR leaf IN SELECT c.relname FROM pg_partition_tree('period_level') t JOIN pg_class c ON c.oid = t.relid
                WHERE t.isleaf LOOP
        EXECUTE format('CREATE INDEX %I ON %I (customer_id)', leaf || '_customer', leaf);
    END LOOP;
END $$;
DROP INDEX period_level_customer;
