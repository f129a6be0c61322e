-- A leader's calendar link (/ical/<secret>.ics): their own shifts for a phone's calendar app. The
-- link is a bearer secret that the app keeps; it is looked up by its SHA-256, and kept sealed (as a
-- phone number is) only so that the leader and coordinators can read their link again in the API.
-- One link per leader: making a new one replaces the old, which then answers 404, and revoking
-- deletes the row.
CREATE TABLE calendar_feeds (
    leader_id    BIGINT      PRIMARY KEY REFERENCES leaders (id),
    secret_hash  BYTEA       NOT NULL UNIQUE,
    secret_sealed BYTEA      NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
