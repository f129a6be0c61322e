-- Keeping texting safe: opt-outs, a coordinator-kept blocklist, a per-number rate limit shared
-- by every instance, and the support-group interest list. Numbers are found by blind index only;
-- where a number must be shown or used again it is also sealed.

-- Who texted STOP. Only the blind index is kept: enough to honour the opt-out when the outbox
-- sends, nothing to read back. Kept until START; retention does not erase it (opt-outs are absolute).
CREATE TABLE suppressions (
    phone_index  BYTEA PRIMARY KEY,
    reason       TEXT        NOT NULL DEFAULT 'stop',
    created_at   TIMESTAMPTZ NOT NULL
);

-- The one text that may reach an opted-out number: the confirmation of its own STOP.
ALTER TABLE outbox ADD COLUMN bypass_opt_out BOOLEAN NOT NULL DEFAULT FALSE;

-- Numbers whose texts get no relay and no reply, kept by coordinators.
CREATE TABLE sms_blocklist (
    id            BIGSERIAL PRIMARY KEY,
    phone_sealed  BYTEA       NOT NULL,
    phone_index   BYTEA       NOT NULL UNIQUE,
    reason        TEXT        NOT NULL,
    created_by    BIGINT REFERENCES coordinators (id) ON DELETE SET NULL,
    created_at    TIMESTAMPTZ NOT NULL
);

-- Texts received per number per minute (the minute's start, UTC), counted by every instance
-- alike. Retention deletes buckets older than a day.
CREATE TABLE sms_inbound_counts (
    phone_index  BYTEA       NOT NULL,
    minute       TIMESTAMPTZ NOT NULL,
    texts        INTEGER     NOT NULL,
    PRIMARY KEY (phone_index, minute)
);
CREATE INDEX sms_inbound_counts_minute ON sms_inbound_counts (minute);

-- People who asked to hear about a support group (GRUPPE, or the voice menu), once per number.
CREATE TABLE group_interest (
    id            BIGSERIAL PRIMARY KEY,
    phone_sealed  BYTEA,
    phone_index   BYTEA UNIQUE,
    language      TEXT        NOT NULL,
    source        TEXT        NOT NULL CHECK (source IN ('sms', 'voice')),
    created_at    TIMESTAMPTZ NOT NULL,
    invited_at    TIMESTAMPTZ
);
