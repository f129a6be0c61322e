-- The MessageSid a survivor's relayed text came in as, so the coordinators' list of texts
-- (GET /api/messages) can put the conversation's (masked) number and whether the text reached a
-- leader next to the row in sms_inbound. NULL for a leader's answers and for texts stored before
-- this column. One text from Twilio is at most one conversation message.
ALTER TABLE conversation_messages ADD COLUMN message_sid TEXT;
CREATE UNIQUE INDEX conversation_messages_sid ON conversation_messages (message_sid) WHERE message_sid IS NOT NULL;
