-- Why a coordinator asked to see a number in clear ("ringer tilbage efter aftale"), in their own
-- words. Required on the console's pages, optional through the API (?reveal=true&reason=…);
-- rows written before this column have none.
ALTER TABLE audit_log ADD COLUMN reason TEXT;
