-- Texts relayed between a survivor and the leaders on call. Numbers and bodies are sealed; the
-- survivor is found again by blind index. Neither side ever sees the other's number: every text
-- goes out from the hotline's own number.
CREATE TABLE conversations (
    id                BIGSERIAL PRIMARY KEY,
    survivor_sealed   BYTEA,
    survivor_index    BYTEA,
    leader_id         BIGINT REFERENCES leaders (id),
    status            TEXT        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    media_noticed     BOOLEAN     NOT NULL DEFAULT FALSE,
    auto_replied_at   TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL,
    last_activity_at  TIMESTAMPTZ NOT NULL,
    closed_at         TIMESTAMPTZ
);
CREATE UNIQUE INDEX conversations_one_open ON conversations (survivor_index) WHERE status = 'open';
CREATE INDEX conversations_open_activity ON conversations (last_activity_at) WHERE status = 'open';

CREATE TABLE conversation_messages (
    id               BIGSERIAL PRIMARY KEY,
    conversation_id  BIGINT      NOT NULL REFERENCES conversations (id),
    direction        TEXT        NOT NULL CHECK (direction IN ('in', 'out')),
    body_sealed      BYTEA,
    leader_id        BIGINT REFERENCES leaders (id),
    created_at       TIMESTAMPTZ NOT NULL,
    -- An incoming text waits here until a leader on call has been sent it.
    forwarded_at     TIMESTAMPTZ
);
CREATE INDEX conversation_messages_waiting ON conversation_messages (conversation_id) WHERE direction = 'in' AND forwarded_at IS NULL;

-- The leaders a conversation was forwarded to: they may answer it, and are told when one takes it.
CREATE TABLE conversation_leaders (
    conversation_id  BIGINT NOT NULL REFERENCES conversations (id),
    leader_id        BIGINT NOT NULL REFERENCES leaders (id),
    PRIMARY KEY (conversation_id, leader_id)
);

-- Every text Twilio delivered to us, by MessageSid: a retried webhook acts once.
CREATE TABLE sms_inbound (
    message_sid  TEXT PRIMARY KEY,
    from_leader  BOOLEAN     NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX sms_inbound_received ON sms_inbound (received_at);
