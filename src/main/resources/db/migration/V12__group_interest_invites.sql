-- Coordinators invite people from the support-group interest list. invited_at (V7) and
-- invited_group_id record the latest invitation; that a person is texted once per group is kept
-- by the outbox's unique dedupe key, not here.
ALTER TABLE group_interest ADD COLUMN invited_group_id BIGINT REFERENCES support_groups (id) ON DELETE SET NULL;

-- Retention deletes entries by age.
CREATE INDEX group_interest_created_at ON group_interest (created_at);
