-- Which leaders were texted about a callback request, written in the transaction that queues the
-- texts: a leader account sees exactly the requests it was told of (or was rung to call back).
CREATE TABLE callback_notices (
    callback_request_id BIGINT      NOT NULL REFERENCES callback_requests (id),
    leader_id           BIGINT      NOT NULL REFERENCES leaders (id),
    told_at             TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (callback_request_id, leader_id)
);
CREATE INDEX callback_notices_leader ON callback_notices (leader_id);

-- The requests told before this table existed: their texts are the outbox rows keyed
-- 'callback-requested:<request>:<leader>'.
INSERT INTO callback_notices (callback_request_id, leader_id, told_at)
SELECT r.id, l.id, told.created_at
FROM (SELECT CASE WHEN dedupe_key ~ '^callback-requested:[0-9]{1,18}:[0-9]{1,18}$'
                  THEN CAST(split_part(dedupe_key, ':', 2) AS BIGINT) END AS request_id,
             CASE WHEN dedupe_key ~ '^callback-requested:[0-9]{1,18}:[0-9]{1,18}$'
                  THEN CAST(split_part(dedupe_key, ':', 3) AS BIGINT) END AS leader_id,
             created_at
      FROM outbox WHERE message_kind = 'callback-request') told
JOIN callback_requests r ON r.id = told.request_id
JOIN leaders l ON l.id = told.leader_id
ON CONFLICT DO NOTHING;
