-- One follow-up text a person agreed to (after a talk, with a callback request, or asked for by a
-- leader in a relayed conversation). request_key makes a retried webhook ask once; the number is
-- sealed, found by blind index when the person gets in touch first (which cancels it).
CREATE TABLE followups (
    id           BIGSERIAL PRIMARY KEY,
    request_key  TEXT        NOT NULL UNIQUE,
    phone_sealed BYTEA,
    phone_index  BYTEA,
    language     TEXT        NOT NULL CHECK (language IN ('da', 'en')),
    source       TEXT        NOT NULL CHECK (source IN ('call', 'callback', 'conversation')),
    due_at       TIMESTAMPTZ NOT NULL,
    status       TEXT        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'cancelled')),
    reason       TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    settled_at   TIMESTAMPTZ
);
CREATE INDEX followups_pending ON followups (phone_index) WHERE status = 'pending';
CREATE INDEX followups_settled ON followups (settled_at) WHERE status <> 'pending';
