-- One row per reminder a participant got, or was due and did not get (and why). The unique key
-- is what makes a second fire of the same trigger, on this or another instance, a no-op; a
-- moved session has a new start and so gets reminders of its own.
CREATE TABLE reminders (
    id              BIGSERIAL PRIMARY KEY,
    session_id      BIGINT      NOT NULL REFERENCES group_sessions (id),
    participant_id  BIGINT      NOT NULL REFERENCES group_participants (id),
    offset_seconds  BIGINT      NOT NULL,
    session_start   TIMESTAMPTZ NOT NULL,
    due_at          TIMESTAMPTZ NOT NULL,
    fired_at        TIMESTAMPTZ NOT NULL,
    outcome         TEXT        NOT NULL CHECK (outcome IN ('sent', 'skipped_started', 'skipped_late', 'skipped_opted_out')),
    UNIQUE (session_id, participant_id, offset_seconds, session_start)
);
CREATE INDEX reminders_participant ON reminders (participant_id, fired_at);
CREATE INDEX reminders_fired_at ON reminders (fired_at);

-- A participant's answer to a reminder (JA/NEJ); the latest answer counts.
CREATE TABLE session_attendance (
    session_id      BIGINT      NOT NULL REFERENCES group_sessions (id),
    participant_id  BIGINT      NOT NULL REFERENCES group_participants (id),
    attending       BOOLEAN     NOT NULL,
    answered_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_id, participant_id)
);

-- Reminders are found by their session when it is cancelled or moved.
CREATE INDEX group_sessions_upcoming ON group_sessions (starts_at) WHERE status = 'scheduled';
CREATE INDEX group_participants_phone ON group_participants (phone_index) WHERE removed_at IS NULL;
