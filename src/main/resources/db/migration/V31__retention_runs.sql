-- Each run of retention, so coordinators can see when it last ran and what it erased (issue #13):
-- how many rows (or values) each table lost, by the rules' own counts, and the tables of any rule
-- that failed (tried again on the next run). Counts only, never what was erased.
CREATE TABLE retention_runs (
    id          BIGSERIAL PRIMARY KEY,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ NOT NULL,
    cutoff      TIMESTAMPTZ NOT NULL,
    erased      JSONB       NOT NULL,
    failed      TEXT[]      NOT NULL
);
CREATE INDEX retention_runs_started ON retention_runs (started_at);
