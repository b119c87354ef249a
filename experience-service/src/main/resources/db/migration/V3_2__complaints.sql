-- Complaints and service recovery: OPEN -> ACKNOWLEDGED -> RESOLVED -> CLOSED with an outcome.
-- source + source_key open a complaint once: the client's Idempotency-Key, or the survey response or
-- log entry that opened it automatically. Erasure clears customer_id, description and notes.
CREATE TABLE complaint (
    id               uuid        PRIMARY KEY,
    source           text        NOT NULL,
    source_key       text,
    request_hash     text,
    customer_id      uuid,
    visit_id         uuid,
    journey_code     text,
    touch_point_code text,
    severity         text        NOT NULL,
    channel          text,
    description      text,
    owner_id         text,
    status           text        NOT NULL,
    outcome          text,
    opened_at        timestamptz NOT NULL,
    respond_by       timestamptz NOT NULL,
    acknowledged_at  timestamptz,
    resolved_at      timestamptz,
    closed_at        timestamptz,
    CONSTRAINT complaint_source_key UNIQUE (source, source_key),
    CONSTRAINT complaint_outcome_when_closed CHECK ((status = 'CLOSED') = (outcome IS NOT NULL))
);
CREATE INDEX complaint_customer ON complaint (customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX complaint_owner ON complaint (owner_id) WHERE owner_id IS NOT NULL;
CREATE INDEX complaint_opened ON complaint (opened_at);
CREATE INDEX complaint_closed ON complaint (closed_at) WHERE closed_at IS NOT NULL;
-- The overdue list: open ones past their deadline.
CREATE INDEX complaint_unacknowledged ON complaint (respond_by) WHERE status = 'OPEN';

CREATE TABLE complaint_transition (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id uuid        NOT NULL REFERENCES complaint (id),
    from_status  text,
    to_status    text        NOT NULL,
    note         text,
    actor        text,
    at           timestamptz NOT NULL
);
CREATE INDEX complaint_transition_complaint ON complaint_transition (complaint_id, id);
