-- What an outbox row is for, in a column of its own (outbox.message_kind) instead of the start of
-- its dedupe key, and which callback request an offer rings a leader for, in a column of its own
-- (call_offers.callback_request_id) instead of 'callback-<id>' in call_sid.
--
-- Rows written before this migration are filled from what their keys said. So are rows that an
-- instance still running the previous version writes during a rolling deploy (it knows neither
-- column): the triggers below give them the new shape as they are inserted, so that instance's
-- texts and callbacks keep working. The triggers may be dropped once no instance older than this
-- migration can run.

-- The kind a dedupe key's prefix (the part before the first ':') names.
CREATE FUNCTION outbox_kind_of(dedupe_key TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE split_part(dedupe_key, ':', 1)
        WHEN 'reminder' THEN 'reminder'
        WHEN 'attendance' THEN 'attendance'
        WHEN 'session-cancelled' THEN 'session-cancelled'
        WHEN 'session-moved' THEN 'session-moved'
        WHEN 'group-invite' THEN 'group-invite'
        WHEN 'followup' THEN 'followup'
        WHEN 'relay-in' THEN 'relay-in'
        WHEN 'relay-out' THEN 'relay-out'
        WHEN 'auto-reply' THEN 'auto-reply'
        WHEN 'media-notice' THEN 'media-notice'
        WHEN 'taken' THEN 'conversation-taken'
        WHEN 'leader-reply' THEN 'leader-reply'
        WHEN 'stop' THEN 'stop'
        WHEN 'start' THEN 'start'
        WHEN 'help' THEN 'help'
        WHEN 'ring' THEN 'callback-confirmed'
        WHEN 'group' THEN 'group-interest'
        WHEN 'callback-requested' THEN 'callback-request'
        WHEN 'voicemail' THEN 'voicemail-notice'
        WHEN 'rota-gaps' THEN 'rota-gaps'
        WHEN 'queue-offer' THEN 'queue-offer'
        WHEN 'callback-offer' THEN 'callback-offer'
        -- A key without ':' has no prefix: split_part gives the whole key, which matches none.
        ELSE 'other' END
$$;

ALTER TABLE outbox ADD COLUMN message_kind TEXT;
UPDATE outbox SET message_kind = outbox_kind_of(dedupe_key);
ALTER TABLE outbox ALTER COLUMN message_kind SET NOT NULL;

CREATE FUNCTION outbox_fill_kind() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.message_kind := outbox_kind_of(NEW.dedupe_key);
    RETURN NEW;
END
$$;
CREATE TRIGGER outbox_kind_from_key BEFORE INSERT ON outbox
    FOR EACH ROW WHEN (NEW.message_kind IS NULL) EXECUTE FUNCTION outbox_fill_kind();

ALTER TABLE call_offers ALTER COLUMN call_sid DROP NOT NULL;
ALTER TABLE call_offers ADD COLUMN callback_request_id BIGINT REFERENCES callback_requests (id);

UPDATE call_offers SET callback_request_id = CAST(substring(call_sid FROM 10) AS BIGINT), call_sid = NULL
WHERE kind = 'callback' AND call_sid ~ '^callback-[0-9]+$'
  AND EXISTS (SELECT 1 FROM callback_requests r WHERE r.id = CAST(substring(call_offers.call_sid FROM 10) AS BIGINT));

CREATE FUNCTION call_offers_fill_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.callback_request_id := CAST(substring(NEW.call_sid FROM 10) AS BIGINT);
    NEW.call_sid := NULL;
    RETURN NEW;
END
$$;
CREATE TRIGGER call_offers_request_from_call_sid BEFORE INSERT ON call_offers
    FOR EACH ROW WHEN (NEW.kind = 'callback' AND NEW.callback_request_id IS NULL AND NEW.call_sid ~ '^callback-[0-9]+$')
    EXECUTE FUNCTION call_offers_fill_request();

-- A call offer names its call; a callback offer names its request (one left from before whose
-- request is gone keeps neither, and stays closed).
ALTER TABLE call_offers ADD CONSTRAINT call_offers_names_what_it_rings_for
    CHECK (kind = 'callback' OR call_sid IS NOT NULL);
ALTER TABLE call_offers ADD CONSTRAINT call_offers_callback_only_for_callbacks
    CHECK (kind = 'callback' OR callback_request_id IS NULL);
CREATE INDEX call_offers_callback ON call_offers (callback_request_id) WHERE callback_request_id IS NOT NULL;
