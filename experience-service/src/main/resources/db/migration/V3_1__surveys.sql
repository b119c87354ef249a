-- Short surveys (at most 5 questions, DOMAIN.md §3). Questions are read with their survey, never alone.
CREATE TABLE survey (
    id           uuid        PRIMARY KEY,
    name         text        NOT NULL,
    journey_code text,
    questions    jsonb       NOT NULL,
    created_at   timestamptz NOT NULL
);

-- One answered survey. The answers to the questions with a role are copied into their own columns,
-- so results are plain SQL aggregates. comment is the only free text; erasure clears it and the
-- customer and keeps the scores.
CREATE TABLE survey_response (
    id              uuid        PRIMARY KEY,
    survey_id       uuid        NOT NULL REFERENCES survey (id),
    idempotency_key text        UNIQUE,
    request_hash    text        NOT NULL,
    customer_id     uuid,
    visit_id        uuid,
    answered_at     timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL,
    answers         jsonb       NOT NULL,
    satisfaction    int CHECK (satisfaction BETWEEN 1 AND 5),
    nps             int CHECK (nps BETWEEN 0 AND 10),
    expectation     int CHECK (expectation BETWEEN 1 AND 5),
    experience      int CHECK (experience BETWEEN 1 AND 5),
    comment         text
);
CREATE INDEX survey_response_survey ON survey_response (survey_id, answered_at);
CREATE INDEX survey_response_answered ON survey_response (answered_at) WHERE satisfaction IS NOT NULL;
CREATE INDEX survey_response_customer ON survey_response (customer_id, answered_at) WHERE customer_id IS NOT NULL;
