-- The audit log becomes a record nobody can rewrite unnoticed (issue #13):
--  * each row says from where the request came (the client's address as the web tier sees it),
--    and a failed sign-in has no account;
--  * each row holds the SHA-256 of the previous row's hash and its own canonical content, so a
--    changed, removed or inserted row breaks the chain from there on (AuditLog.verify);
--  * the table refuses UPDATE and TRUNCATE, and DELETE of any row younger than the audit
--    retention, whoever asks, through a trigger.
ALTER TABLE audit_log ALTER COLUMN coordinator_id DROP NOT NULL;
ALTER TABLE audit_log ADD COLUMN address TEXT;
ALTER TABLE audit_log ADD COLUMN hash BYTEA;

-- The chain's two ends, one row. Its row lock serialises appends (two writers at once would
-- otherwise both chain to the same previous row, and the chain would fork). last_* is the newest
-- row, so a removed tail is seen; anchor_hash is the hash the oldest kept row chains to: empty
-- at the start of the log, the hash of the newest row retention removed after that.
CREATE TABLE audit_chain (
    one         BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),
    last_id     BIGINT,
    last_hash   BYTEA,
    anchor_id   BIGINT,
    anchor_hash BYTEA NOT NULL
);
INSERT INTO audit_chain (anchor_hash) VALUES ('\x'::bytea);

-- The canonical content of a row, and its hash: each field on its own line, text as its length
-- in UTF-8 bytes, a colon and itself (so no reason can pass for two fields), NULL as "-", the
-- time in UTC to the microsecond. AuditChain (Java) computes the same to verify, independently.
CREATE FUNCTION audit_log_hash(prev BYTEA, id BIGINT, at TIMESTAMPTZ, account BIGINT, action TEXT, subject TEXT,
                               reason TEXT, address TEXT) RETURNS BYTEA
    LANGUAGE sql STABLE AS $$
SELECT sha256(prev || convert_to(concat_ws(E'\n',
        id::text,
        to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        coalesce(account::text, '-'),
        CASE WHEN action IS NULL THEN '-' ELSE octet_length(action) || ':' || action END,
        CASE WHEN subject IS NULL THEN '-' ELSE octet_length(subject) || ':' || subject END,
        CASE WHEN reason IS NULL THEN '-' ELSE octet_length(reason) || ':' || reason END,
        CASE WHEN address IS NULL THEN '-' ELSE octet_length(address) || ':' || address END), 'UTF8'))
$$;

-- Rows written before this version are chained here, in id order, before the guard exists.
DO $$
DECLARE
    r RECORD;
    prev BYTEA := '\x'::bytea;
    last BIGINT;
BEGIN
    FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
        prev := audit_log_hash(prev, r.id, r.at, r.coordinator_id, r.action, r.subject, r.reason, r.address);
        UPDATE audit_log SET hash = prev WHERE id = r.id;
        last := r.id;
    END LOOP;
    UPDATE audit_chain SET last_id = last, last_hash = CASE WHEN last IS NULL THEN NULL ELSE prev END;
END
$$;
ALTER TABLE audit_log ALTER COLUMN hash SET NOT NULL;

-- Every insert, from the service or anyone else, is chained here under the chain's row lock.
-- The id is taken again once the lock is held: the column default ran before it, so two writers
-- could otherwise chain in one order and number in the other. Ids keep the chain's order.
CREATE FUNCTION audit_log_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head audit_chain%ROWTYPE;
BEGIN
    SELECT * INTO head FROM audit_chain FOR UPDATE;
    NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
    NEW.hash := audit_log_hash(coalesce(head.last_hash, head.anchor_hash), NEW.id, NEW.at, NEW.coordinator_id,
                               NEW.action, NEW.subject, NEW.reason, NEW.address);
    UPDATE audit_chain SET last_id = NEW.id, last_hash = NEW.hash;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_log_append BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append();

-- No UPDATE, ever. DELETE only of a row older than the audit retention: retention's transaction
-- says how many days it keeps (SET LOCAL hotline.audit_retention_days, from audit.retentionDays),
-- and the trigger holds it to at least 365 days whatever it says, against the database's own
-- clock; without the setting nothing is deleted. A deleted row becomes the chain's anchor, so the
-- oldest row kept still verifies. (The role that owns the table could still disable the trigger;
-- that is what the chain is for: such a change is named by /api/audit/verify.)
CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    days INT := nullif(current_setting('hotline.audit_retention_days', true), '')::int;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'audit_log is append-only: row % cannot be changed', OLD.id USING ERRCODE = 'insufficient_privilege';
    ELSIF TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION 'audit_log is append-only: it cannot be truncated' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF days IS NULL THEN
        RAISE EXCEPTION 'audit_log is append-only: row % is deleted only by retention', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.at >= now() - make_interval(days => greatest(days, 365)) THEN
        RAISE EXCEPTION 'audit_log is append-only: row % is younger than the audit retention of % days', OLD.id,
            greatest(days, 365) USING ERRCODE = 'insufficient_privilege';
    END IF;
    UPDATE audit_chain SET anchor_id = OLD.id, anchor_hash = OLD.hash WHERE anchor_id IS NULL OR anchor_id < OLD.id;
    RETURN OLD;
END
$$;
CREATE TRIGGER audit_log_guard BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();
