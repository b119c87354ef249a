-- Empties the schemas a benchmark's data goes into (psql -v schemas=customer,segmentation), before its
-- generator loads them: every table whatever an older or newer version of a service has (TRUNCATE ...
-- CASCADE follows their foreign keys), and the level partitions each period close creates. The services'
-- Flyway history stays, so the schemas stay as the services migrated them.
SET client_min_messages = warning;
SELECT format('DROP TABLE %s', c.oid::regclass) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
  WHERE i.inhparent = to_regclass('segmentation.period_level') AND 'segmentation' = ANY (string_to_array(:'schemas', ','))
  \gexec
SELECT 'TRUNCATE ' || string_agg(c.oid::regclass::text, ', ') || ' CASCADE'
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = ANY (string_to_array(:'schemas', ',')) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    AND c.relname <> 'flyway_schema_history' \gexec
