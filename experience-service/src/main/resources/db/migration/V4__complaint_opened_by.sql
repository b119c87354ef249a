-- Who opened a complaint: the caller's name, from their token (never from the request body); null for one
-- a survey answer or a log entry opened by itself, and for those opened before callers were known.
ALTER TABLE complaint ADD COLUMN opened_by text;
