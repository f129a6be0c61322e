-- A text that is no use late (a reminder once its session has begun, or one that would arrive in
-- quiet hours) carries the last moment it may go; a row still pending then is cancelled, not sent.
ALTER TABLE outbox ADD COLUMN not_after TIMESTAMPTZ;
CREATE INDEX outbox_expiring ON outbox (not_after) WHERE status = 'pending' AND not_after IS NOT NULL;
