-- What the coordinators' reports (GET /api/messages, GET /api/stats) read.

-- The MessageSid a survivor's relayed text came in as, so the list of texts can put the
-- conversation's (masked) number and whether the text reached a leader next to the row in
-- sms_inbound. NULL for a leader's answers and for texts stored before this column. One text from
-- Twilio is at most one conversation message.
ALTER TABLE conversation_messages ADD COLUMN message_sid TEXT;
CREATE UNIQUE INDEX conversation_messages_sid ON conversation_messages (message_sid) WHERE message_sid IS NOT NULL;

-- Outbox rows stay after retention (only their personal data goes), so a window's texts are
-- found by index rather than by reading every text ever sent.
CREATE INDEX outbox_created_at ON outbox (created_at);
