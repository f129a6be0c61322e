-- Support groups: about six people, weekly sessions at the same local time, led by a leader.
-- sms_name is the discreet name used in texts; never the organisation's or programme's name.
CREATE TABLE support_groups (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT        NOT NULL,
    sms_name    TEXT        NOT NULL,
    location    TEXT        NOT NULL,
    leader_id   BIGINT      NOT NULL REFERENCES leaders (id),
    capacity    INTEGER     NOT NULL CHECK (capacity > 0),
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE group_sessions (
    id          BIGSERIAL PRIMARY KEY,
    group_id    BIGINT      NOT NULL REFERENCES support_groups (id),
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ NOT NULL CHECK (ends_at > starts_at),
    status      TEXT        NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
    UNIQUE (group_id, starts_at)
);

CREATE TABLE group_participants (
    id           BIGSERIAL PRIMARY KEY,
    group_id     BIGINT      NOT NULL REFERENCES support_groups (id),
    name         TEXT        NOT NULL,
    phone_sealed BYTEA,
    phone_index  BYTEA,
    sms_consent  BOOLEAN     NOT NULL,
    language     TEXT        NOT NULL CHECK (language IN ('da', 'en')),
    created_at   TIMESTAMPTZ NOT NULL,
    removed_at   TIMESTAMPTZ
);
CREATE UNIQUE INDEX group_participants_once ON group_participants (group_id, phone_index) WHERE removed_at IS NULL;
