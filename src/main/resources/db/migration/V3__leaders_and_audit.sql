-- Group leaders who answer the hotline on their own mobiles. The number is sealed; the blind
-- index finds a leader by the number a text comes from, and keeps two leaders off one number.
CREATE TABLE leaders (
    id            BIGSERIAL PRIMARY KEY,
    name          TEXT        NOT NULL,
    phone_sealed  BYTEA,
    phone_index   BYTEA,
    languages     TEXT[]      NOT NULL DEFAULT '{da}',
    active        BOOLEAN     NOT NULL DEFAULT TRUE,
    available     BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    deleted_at    TIMESTAMPTZ
);
CREATE UNIQUE INDEX leaders_phone ON leaders (phone_index) WHERE deleted_at IS NULL;

-- Every time a coordinator sees personal data in clear (?reveal=true), one row here.
CREATE TABLE audit_log (
    id              BIGSERIAL PRIMARY KEY,
    coordinator_id  BIGINT      NOT NULL REFERENCES coordinators (id),
    action          TEXT        NOT NULL,
    subject         TEXT        NOT NULL,
    at              TIMESTAMPTZ NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
