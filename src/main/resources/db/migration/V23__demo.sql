-- A database seeded with demo data (HOTLINE_DEMO=true or --demo) says so in this one row, written
-- when the seeding is done. While it is here every console page carries a banner, and a start in
-- demo mode seeds nothing again; a start in demo mode on a database that holds data and no such
-- row is refused. The demo accounts' passwords are kept sealed, as personal data is, so that a
-- demo's sign-in page can show them after a restart: they are as made up as the rest.
CREATE TABLE demo_data (
    only_row                    BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    seeded_at                   TIMESTAMPTZ NOT NULL,
    coordinator_email           TEXT        NOT NULL,
    coordinator_password_sealed BYTEA       NOT NULL,
    leader_email                TEXT        NOT NULL,
    leader_password_sealed      BYTEA       NOT NULL
);
