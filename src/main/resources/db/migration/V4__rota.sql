-- The rota: who is on call when. Shifts are instants; weekly templates are local wall-clock
-- times in the configured zone, turned into shifts some weeks ahead (rota.RotaTemplates), so a
-- 17:00-21:00 evening stays 17:00-21:00 on both sides of a DST change.

-- An end before the start (on the clock) is an overnight shift that ends the next day.
CREATE TABLE shift_templates (
    id           BIGSERIAL PRIMARY KEY,
    leader_id    BIGINT      NOT NULL REFERENCES leaders (id),
    weekday      SMALLINT    NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_local  TIME        NOT NULL,
    end_local    TIME        NOT NULL CHECK (end_local <> start_local),
    active       BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX shift_templates_leader ON shift_templates (leader_id);

CREATE TABLE shifts (
    id           BIGSERIAL PRIMARY KEY,
    leader_id    BIGINT      NOT NULL REFERENCES leaders (id),
    starts_at    TIMESTAMPTZ NOT NULL,
    ends_at      TIMESTAMPTZ NOT NULL,
    template_id  BIGINT      REFERENCES shift_templates (id),
    created_at   TIMESTAMPTZ NOT NULL,
    CHECK (ends_at > starts_at),
    -- Generating a template's shifts twice (two instances, a re-run) makes each one once.
    CONSTRAINT shifts_once_per_template UNIQUE (template_id, starts_at),
    -- One leader, one shift at a time: the database refuses an overlap, across every instance.
    -- int8range(id, id, '[]') overlaps only itself; it stands in for "leader_id WITH =", which
    -- needs the btree_gist extension that a managed or embedded PostgreSQL may not allow us.
    CONSTRAINT shifts_no_overlap EXCLUDE USING gist (
        (int8range(leader_id, leader_id, '[]')) WITH &&,
        (tstzrange(starts_at, ends_at)) WITH &&)
);
CREATE INDEX shifts_starts ON shifts (starts_at);
CREATE INDEX shifts_ends ON shifts (ends_at);

-- A template occurrence that a coordinator removed (DELETE /api/shifts/{id}) stays removed:
-- the daily extension would otherwise create it again.
CREATE TABLE shift_template_skips (
    template_id  BIGINT      NOT NULL REFERENCES shift_templates (id),
    starts_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (template_id, starts_at)
);
