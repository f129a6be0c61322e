-- What happened on each call, for coordinators ("what was missed") and for routing decisions.
ALTER TABLE calls
    ADD COLUMN language       TEXT NOT NULL DEFAULT 'da',
    ADD COLUMN menu_path      TEXT NOT NULL DEFAULT '',
    ADD COLUMN outcome        TEXT,
    ADD COLUMN answered_by    BIGINT REFERENCES leaders (id),
    ADD COLUMN answered_at    TIMESTAMPTZ,
    ADD COLUMN queued_at      TIMESTAMPTZ,
    ADD COLUMN ring_started_at TIMESTAMPTZ,
    ADD COLUMN ended_at       TIMESTAMPTZ;

-- Every time a leader's phone is rung for a call. A leader with a ringing or accepted offer is
-- busy: the partial unique index makes "never two calls at once" a database guarantee, across
-- every instance of the service.
CREATE TABLE call_offers (
    id          BIGSERIAL PRIMARY KEY,
    call_sid    TEXT        NOT NULL,
    leader_id   BIGINT      NOT NULL REFERENCES leaders (id),
    kind        TEXT        NOT NULL CHECK (kind IN ('inbound', 'queue', 'callback')),
    state       TEXT        NOT NULL CHECK (state IN ('ringing', 'accepted', 'declined', 'missed', 'ended')),
    offered_at  TIMESTAMPTZ NOT NULL,
    accepted_at TIMESTAMPTZ,
    ended_at    TIMESTAMPTZ,
    -- For offers placed as an outbound call to the leader (queue, callback): its outbox row, so
    -- the call's status callback can release the leader.
    outbox_id   BIGINT REFERENCES outbox (id)
);
CREATE UNIQUE INDEX call_offers_one_per_leader ON call_offers (leader_id) WHERE state IN ('ringing', 'accepted');
CREATE INDEX call_offers_call ON call_offers (call_sid);
CREATE INDEX call_offers_recent ON call_offers (leader_id, offered_at DESC);

-- A caller who asked to be called back. The number is sealed; consent is recorded with it.
CREATE TABLE callback_requests (
    id             BIGSERIAL PRIMARY KEY,
    call_sid       TEXT UNIQUE,
    phone_sealed   BYTEA,
    phone_index    BYTEA,
    language       TEXT        NOT NULL,
    preferred_time TEXT        NOT NULL DEFAULT 'asap' CHECK (preferred_time IN ('asap', 'morning', 'afternoon', 'evening')),
    source         TEXT        NOT NULL CHECK (source IN ('voice', 'sms')),
    status         TEXT        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'calling', 'done')),
    created_at     TIMESTAMPTZ NOT NULL,
    done_at        TIMESTAMPTZ,
    done_by        BIGINT
);
CREATE INDEX callback_requests_open ON callback_requests (created_at) WHERE status <> 'done';

-- The TwiML answered to a voice webhook that changed state, sealed (it may hold a leader's
-- number). Twilio retries a webhook it got no answer to; the retry gets the same answer and
-- changes nothing a second time.
CREATE TABLE voice_replies (
    call_sid    TEXT        NOT NULL,
    request_key TEXT        NOT NULL,
    reply_sealed BYTEA      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (call_sid, request_key)
);
CREATE INDEX voice_replies_created ON voice_replies (created_at);
