-- A closed period: every known customer got exactly one level.
CREATE TABLE period_close (
    period        text        PRIMARY KEY,
    first_day     date        NOT NULL,
    day_after     date        NOT NULL,
    metric        text        NOT NULL,
    levels        text[]      NOT NULL,
    customers     int         NOT NULL,
    active        int         NOT NULL,
    changes       int         NOT NULL,
    closed_at     timestamptz NOT NULL,
    recomputed_at timestamptz
);

CREATE TABLE period_level (
    period      text    NOT NULL,
    customer_id uuid    NOT NULL,
    level       text    NOT NULL,
    revenue     numeric NOT NULL,
    margin      numeric NOT NULL,
    purchases   int     NOT NULL,
    rank        int,
    PRIMARY KEY (period, customer_id)
);
CREATE INDEX period_level_customer ON period_level (customer_id);

-- What each close changed, for GET /segments/changes (the same facts as the SegmentChanged events).
CREATE TABLE segment_change (
    period      text        NOT NULL,
    customer_id uuid        NOT NULL,
    from_level  text        NOT NULL,
    to_level    text        NOT NULL,
    direction   text        NOT NULL,
    revenue     numeric     NOT NULL,
    margin      numeric     NOT NULL,
    rank        int,
    changed_at  timestamptz NOT NULL
);
CREATE INDEX segment_change_period ON segment_change (period, direction);

-- The current level is read from the latest closed period.
ALTER TABLE customer_segment DROP COLUMN level, DROP COLUMN level_since;
