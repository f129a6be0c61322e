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
    outcome         TEXT        NOT NULL CHECK (outcome IN ('sent', 'skipped_started', 'skipped_late', 'skipped_quiet', 'skipped_opted_out')),
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

-- The hourly check of reminder triggers reads the sessions still to come.
CREATE INDEX group_sessions_upcoming ON group_sessions (starts_at) WHERE status = 'scheduled';
-- A JA/NEJ is matched to its participant by the sender's blind index.
CREATE INDEX group_participants_phone ON group_participants (phone_index) WHERE removed_at IS NULL;

-- A group meets once at a time, but a cancelled session no longer holds its slot: a session can
-- be moved into it. The unique index also settles two moves to one time made at once.
ALTER TABLE group_sessions DROP CONSTRAINT group_sessions_group_id_starts_at_key;
CREATE UNIQUE INDEX group_sessions_one_at_a_time ON group_sessions (group_id, starts_at) WHERE status = 'scheduled';
