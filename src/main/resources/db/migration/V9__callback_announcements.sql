-- When the leaders on call were told about a callback request. A request made while nobody was
-- on call is told to the next shift when it starts.
ALTER TABLE callback_requests ADD COLUMN announced_at TIMESTAMPTZ;
CREATE INDEX callback_requests_unannounced ON callback_requests (created_at) WHERE announced_at IS NULL AND status = 'open';
