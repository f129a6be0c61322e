-- A leader's calendar link (/ical/<secret>.ics): their own shifts for a phone's calendar app. The
-- link is a bearer secret that the app keeps; the table holds only its SHA-256, so a copy of the
-- database opens no feed. One link per leader: making a new one replaces the old, which then
-- answers 404, and revoking deletes the row.
CREATE TABLE calendar_feeds (
    leader_id    BIGINT      PRIMARY KEY REFERENCES leaders (id),
    secret_hash  BYTEA       NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL
);
