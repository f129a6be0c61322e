-- Routing reads, for every call, which leaders are in wrap-up (a call of theirs ended within the
-- last minutes). Without this index that meant reading every offer each leader ever had.
CREATE INDEX call_offers_wrap_up ON call_offers (leader_id, ended_at) WHERE state = 'ended';
