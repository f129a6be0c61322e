-- When an attempt began whose outcome the outbox never learnt: its sender died mid-send, or Twilio
-- gave no HTTP answer. Twilio may have that text or call all the same, so before such a row is sent
-- again the dispatcher asks Twilio for a match created since then. NULL while every attempt had a
-- known outcome. The earliest such time is kept: a lookup from it also covers every later attempt.
ALTER TABLE outbox ADD COLUMN outcome_unknown_since TIMESTAMPTZ;
