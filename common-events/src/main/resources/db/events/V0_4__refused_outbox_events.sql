-- An event the broker refuses for good (larger than a request may be, or invalid) is set aside with
-- the broker's reason instead of being retried forever: the relay then goes on with the events behind it.
ALTER TABLE outbox_event ADD COLUMN refused_at timestamptz, ADD COLUMN refusal text;

-- Health and metrics count the refused rows; the relay skips them.
CREATE INDEX outbox_event_refused ON outbox_event (position) WHERE refused_at IS NOT NULL;
