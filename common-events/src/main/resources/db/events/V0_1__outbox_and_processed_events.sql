-- Shared by every service (common-events): the transactional outbox and the consumer inbox.

CREATE TABLE outbox_event (
    position   bigint GENERATED ALWAYS AS IDENTITY,
    id         uuid        PRIMARY KEY,
    topic      text        NOT NULL,
    event_key  text        NOT NULL,
    type       text        NOT NULL,
    payload    jsonb       NOT NULL,
    created_at timestamptz NOT NULL,
    sent_at    timestamptz
);

-- The relay reads only unsent rows, in commit order.
CREATE INDEX outbox_event_unsent ON outbox_event (position) WHERE sent_at IS NULL;
CREATE INDEX outbox_event_sent_at ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;

CREATE TABLE processed_event (
    consumer     text        NOT NULL,
    event_id     text        NOT NULL,
    processed_at timestamptz NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
