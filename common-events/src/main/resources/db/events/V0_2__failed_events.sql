-- Events a consumer could not apply after its retries, or could not read: kept for an operator to
-- inspect and replay, so one bad record does not stop its partition.
CREATE TABLE failed_event (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consumer       text        NOT NULL,
    topic          text        NOT NULL,
    partition_no   int         NOT NULL,
    record_offset  bigint      NOT NULL,
    record_key     text,
    payload        text,
    error          text        NOT NULL,
    failed_at      timestamptz NOT NULL
);
