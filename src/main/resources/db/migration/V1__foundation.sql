-- Personal data is never stored in clear: *_sealed columns hold AES-GCM ciphertext
-- (privacy.PersonalDataCipher) and *_index columns an HMAC blind index for look-ups
-- (privacy.BlindIndex).

-- Outbound texts and calls. A row is written in the same transaction as the state change that
-- caused it; the dispatcher sends it. dedupe_key makes "send this once" a database guarantee.
-- recipient_index is nullable because retention erases it together with recipient_sealed.
-- claim_token is set anew by every claim; a claimant records its outcome only while the row still
-- holds its token, so a row taken back after the claim timeout cannot be recorded by both.
CREATE TABLE outbox (
    id               BIGSERIAL PRIMARY KEY,
    kind             TEXT        NOT NULL CHECK (kind IN ('sms', 'call')),
    dedupe_key       TEXT        NOT NULL UNIQUE,
    recipient_sealed BYTEA,
    recipient_index  BYTEA,
    body_sealed      BYTEA,
    twiml_path       TEXT,
    status           TEXT        NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
    attempts         INTEGER     NOT NULL DEFAULT 0,
    not_before       TIMESTAMPTZ NOT NULL,
    claimed_at       TIMESTAMPTZ,
    claim_token      UUID,
    sent_at          TIMESTAMPTZ,
    twilio_sid       TEXT UNIQUE,
    delivery_status  TEXT,
    delivery_rank    INTEGER     NOT NULL DEFAULT 0,
    error_code       INTEGER,
    error            TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    CHECK ((kind = 'sms') = (twiml_path IS NULL))
);
CREATE INDEX outbox_due ON outbox (not_before) WHERE status = 'pending';
CREATE INDEX outbox_claimed ON outbox (claimed_at) WHERE status = 'sending';
-- The shared rate limit counts every claim of the last second, whatever the row's status since.
CREATE INDEX outbox_claimed_at ON outbox (claimed_at);
CREATE INDEX outbox_recipient ON outbox (recipient_index);

-- One row per call the hotline answered. Filled in further by the call records feature.
CREATE TABLE calls (
    call_sid       TEXT PRIMARY KEY,
    caller_sealed  BYTEA,
    caller_index   BYTEA,
    status         TEXT        NOT NULL,
    status_rank    INTEGER     NOT NULL DEFAULT 0,
    duration_secs  INTEGER,
    arrived_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX calls_arrived ON calls (arrived_at);

CREATE TABLE coordinators (
    id             BIGSERIAL PRIMARY KEY,
    email          TEXT        NOT NULL,
    password_hash  TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX coordinators_email ON coordinators (lower(email));

-- Bearer tokens are stored as SHA-256 of the token: a database dump cannot be replayed.
CREATE TABLE api_tokens (
    token_hash      BYTEA PRIMARY KEY,
    coordinator_id  BIGINT      NOT NULL REFERENCES coordinators (id) ON DELETE CASCADE,
    created_at      TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX api_tokens_expiry ON api_tokens (expires_at);

-- Failed logins per e-mail (hashed, also for unknown addresses), shared by every instance.
CREATE TABLE login_throttle (
    email_hash     BYTEA PRIMARY KEY,
    failures       INTEGER     NOT NULL,
    blocked_until  TIMESTAMPTZ NOT NULL
);
