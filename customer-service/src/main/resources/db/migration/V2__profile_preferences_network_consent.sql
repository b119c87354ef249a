-- Fuzzy name search (a trusted extension: the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE customer
    ADD COLUMN company         text,
    ADD COLUMN job_title       text,
    ADD COLUMN language        text,
    ADD COLUMN notes           text,
    ADD COLUMN tags            text[] NOT NULL DEFAULT '{}',
    ADD COLUMN addresses       jsonb  NOT NULL DEFAULT '[]',
    ADD COLUMN important_dates jsonb  NOT NULL DEFAULT '[]',
    ADD COLUMN influence_class text   NOT NULL DEFAULT 'C',
    ADD COLUMN owner_id        text,
    ADD COLUMN merged_into     uuid REFERENCES customer (id),
    ADD COLUMN last_seen_at    timestamptz,
    -- month * 100 + day: "birthdays in the next N days" is an index lookup on a set of keys.
    ADD COLUMN birthday_key    int GENERATED ALWAYS AS
        (extract(month FROM birthday)::int * 100 + extract(day FROM birthday)::int) STORED,
    ADD COLUMN search_text     text GENERATED ALWAYS AS
        (lower(display_name || ' ' || coalesce(given_name, '') || ' ' || coalesce(family_name, '') || ' '
               || coalesce(company, ''))) STORED;

CREATE INDEX customer_search ON customer USING gin (search_text gin_trgm_ops);
CREATE INDEX customer_birthday ON customer (birthday_key) WHERE status = 'ACTIVE';
CREATE INDEX customer_owner ON customer (owner_id) WHERE owner_id IS NOT NULL;
CREATE INDEX customer_tags ON customer USING gin (tags);
CREATE INDEX customer_last_seen ON customer ((coalesce(last_seen_at, created_at))) WHERE status = 'ACTIVE';

CREATE TABLE customer_preference (
    customer_id  uuid        NOT NULL REFERENCES customer (id),
    key          text        NOT NULL,
    category     text        NOT NULL,
    value        text        NOT NULL,
    source       text        NOT NULL,
    confidence   numeric(4, 3),
    confirmed_at timestamptz NOT NULL,
    PRIMARY KEY (customer_id, key)
);

-- What each purchase told us: the basis of observed preferences (the usual seat, the usual order).
CREATE TABLE customer_visit (
    transaction_id uuid        PRIMARY KEY,
    customer_id    uuid        NOT NULL REFERENCES customer (id),
    occurred_at    timestamptz NOT NULL,
    attributes     jsonb       NOT NULL,
    items          text[]      NOT NULL
);
CREATE INDEX customer_visit_recent ON customer_visit (customer_id, occurred_at DESC);

CREATE TABLE customer_relationship (
    id            uuid        PRIMARY KEY,
    from_customer uuid        NOT NULL REFERENCES customer (id),
    to_customer   uuid        NOT NULL REFERENCES customer (id),
    type          text        NOT NULL,
    strength      int         NOT NULL CHECK (strength BETWEEN 1 AND 5),
    note          text,
    created_at    timestamptz NOT NULL,
    CONSTRAINT customer_relationship_unique UNIQUE (from_customer, to_customer, type),
    CONSTRAINT customer_relationship_not_self CHECK (from_customer <> to_customer)
);
CREATE INDEX customer_relationship_to ON customer_relationship (to_customer);

-- The consent history; the current consent is the latest row per purpose and channel.
CREATE TABLE consent_change (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id uuid        NOT NULL REFERENCES customer (id),
    purpose     text        NOT NULL,
    channel     text        NOT NULL,
    status      text        NOT NULL,
    source      text        NOT NULL,
    changed_at  timestamptz NOT NULL
);
CREATE INDEX consent_change_customer ON consent_change (customer_id, changed_at);

CREATE TABLE merge_audit (
    id           uuid        PRIMARY KEY,
    survivor_id  uuid        NOT NULL REFERENCES customer (id),
    duplicate_id uuid        NOT NULL REFERENCES customer (id),
    merged_at    timestamptz NOT NULL,
    merged_by    text,
    moved        jsonb       NOT NULL
);
