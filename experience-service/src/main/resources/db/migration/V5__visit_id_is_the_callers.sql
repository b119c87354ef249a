-- A visit's id is the caller's own (a check or ticket number, 1-64 visible characters); a UUID is one such id.
ALTER TABLE log_entry DROP CONSTRAINT log_entry_visit_id_fkey;
ALTER TABLE visit ALTER COLUMN visit_id TYPE text;
ALTER TABLE visit ADD CONSTRAINT visit_id_visible CHECK (visit_id ~ '^[!-~]{1,64}$');
ALTER TABLE log_entry ALTER COLUMN visit_id TYPE text;
ALTER TABLE log_entry ADD CONSTRAINT log_entry_visit_id_fkey FOREIGN KEY (visit_id) REFERENCES visit (visit_id);
ALTER TABLE survey_response ALTER COLUMN visit_id TYPE text;
ALTER TABLE complaint ALTER COLUMN visit_id TYPE text;
