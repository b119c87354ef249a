-- A visit is in one journey version, fixed by its first entry; started_at is its earliest entry.
-- cohort is null while it follows from customer_history; erasure freezes it before unlinking the customer.
CREATE TABLE visit (
    visit_id      uuid        PRIMARY KEY,
    journey_id    uuid        NOT NULL REFERENCES journey (id),
    journey_code  text        NOT NULL,
    customer_id   uuid,
    store         text,
    started_at    timestamptz NOT NULL,
    cohort        text        CHECK (cohort IN ('NEW', 'RETURNING'))
);
CREATE INDEX visit_journey ON visit (journey_code, started_at);
CREATE INDEX visit_customer ON visit (customer_id) WHERE customer_id IS NOT NULL;

-- One entry per touch point of a visit. position is the touch point's place in the visit's journey version.
CREATE TABLE log_entry (
    id                uuid        PRIMARY KEY,
    visit_id          uuid        NOT NULL REFERENCES visit (visit_id),
    touch_point_code  text        NOT NULL,
    position          int         NOT NULL,
    score             smallint    NOT NULL CHECK (score BETWEEN -3 AND 3),
    occurred_at       timestamptz NOT NULL,
    note              text,
    recorded_by       text        NOT NULL,
    recorded_at       timestamptz NOT NULL,
    CONSTRAINT log_entry_visit_touch_point UNIQUE (visit_id, touch_point_code)
);

-- What makes a visit a returning customer's: their first purchase (TransactionRecorded) and first visit here.
CREATE TABLE customer_history (
    customer_id        uuid        PRIMARY KEY,
    first_purchase_at  timestamptz,
    first_visit_at     timestamptz
);
