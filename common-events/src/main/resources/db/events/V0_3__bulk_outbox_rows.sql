-- One outbox row may stand for all the events of a bulk change (a period close that moves a million
-- customers): `bulk` names the source that reads those events from the service's own tables when the
-- relay publishes them; `event_key` (and `payload`, as a JSON string) holds the reference to the change.
ALTER TABLE outbox_event ADD COLUMN bulk text;
