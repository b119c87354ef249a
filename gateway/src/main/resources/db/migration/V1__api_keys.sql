-- Keys the gateway issues. The secret itself is never stored: only its SHA-256 and its first
-- characters (prefix), which are enough to find a leaked key in a log. A revoked key keeps its row.
-- version grows with every change that matters to authentication (issue, revoke), so each gateway
-- instance reads only what changed since its last look.
CREATE SEQUENCE api_key_version;

CREATE TABLE api_key (
    id           uuid PRIMARY KEY,
    name         text        NOT NULL,
    prefix       text        NOT NULL UNIQUE,
    hash         bytea       NOT NULL,
    roles        text[]      NOT NULL CHECK (cardinality(roles) > 0),
    source       text,
    owner_id     text,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    version      bigint      NOT NULL DEFAULT nextval('api_key_version')
);

CREATE INDEX api_key_version_idx ON api_key (version);
