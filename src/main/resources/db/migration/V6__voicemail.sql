-- A message a caller left at a `voicemail` step of the voice flow. The audio itself stays at
-- Twilio and is fetched for a coordinator on demand (audited); this row is how we list it,
-- announce it to the leaders on call, and erase it at Twilio after the retention period.
-- One per call: the Record action and the recording status callback may arrive in either order,
-- and each fills in its part of the same row.
CREATE TABLE voicemails (
    id               BIGSERIAL PRIMARY KEY,
    call_sid         TEXT        NOT NULL UNIQUE,
    recording_sid    TEXT        NOT NULL,
    -- Set by the Record action; a row without it only had its status callback so far.
    duration_secs    INTEGER,
    language         TEXT CHECK (language IN ('da', 'en')),
    recording_status TEXT CHECK (recording_status IN ('completed', 'absent', 'failed')),
    -- Nothing was said (0-1 s): never listed or announced, but still erased at Twilio.
    discarded        BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMPTZ NOT NULL,
    heard_at         TIMESTAMPTZ,
    -- When the recording was deleted at Twilio; the row stays (no personal data left in it).
    deleted_at       TIMESTAMPTZ
);
CREATE INDEX voicemails_kept ON voicemails (created_at) WHERE deleted_at IS NULL;
