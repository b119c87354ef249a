-- Journeys are versioned: a change is a new row, so logs keep the version they were recorded against.
CREATE TABLE journey (
    id               uuid        PRIMARY KEY,
    code             text        NOT NULL,
    version          int         NOT NULL,
    name             text        NOT NULL,
    auto_complaints  boolean     NOT NULL,
    created_at       timestamptz NOT NULL,
    CONSTRAINT journey_code_version UNIQUE (code, version)
);

-- The ordered touch points of one journey version (position counts from 0).
CREATE TABLE touch_point (
    journey_id  uuid NOT NULL REFERENCES journey (id),
    position    int  NOT NULL,
    code        text NOT NULL,
    name        text NOT NULL,
    channel     text NOT NULL,
    need        text NOT NULL,
    brand_type  text NOT NULL,
    PRIMARY KEY (journey_id, position),
    CONSTRAINT touch_point_code UNIQUE (journey_id, code)
);
