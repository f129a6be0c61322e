-- Coordinators and group leaders sign in to the console. One table of accounts, each with a
-- role: a coordinator sees everything; a leader account is tied to one leader and sees that
-- leader's own shifts, callbacks and conversations.
ALTER TABLE coordinators RENAME TO accounts;
ALTER TABLE accounts ADD COLUMN role TEXT NOT NULL DEFAULT 'coordinator' CHECK (role IN ('coordinator', 'leader'));
ALTER TABLE accounts ADD COLUMN leader_id BIGINT REFERENCES leaders (id);
ALTER TABLE accounts ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE accounts ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE accounts SET updated_at = created_at;
ALTER TABLE accounts ALTER COLUMN updated_at SET NOT NULL;
ALTER TABLE accounts ADD CONSTRAINT accounts_leader_role CHECK ((role = 'leader') = (leader_id IS NOT NULL));
ALTER INDEX coordinators_email RENAME TO accounts_email;

ALTER TABLE api_tokens RENAME COLUMN coordinator_id TO account_id;

-- A signed-in browser: the cookie holds a random id, this table only its SHA-256. The CSRF token
-- every form and htmx request must carry belongs to the session.
CREATE TABLE console_sessions (
    id_hash      BYTEA PRIMARY KEY,
    account_id   BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    csrf_token   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX console_sessions_account ON console_sessions (account_id);

-- A one-time link to set a password (a new account, or a reset by a coordinator); only its hash.
CREATE TABLE password_links (
    token_hash BYTEA PRIMARY KEY,
    account_id BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
