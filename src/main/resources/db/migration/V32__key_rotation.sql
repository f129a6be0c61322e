-- Key rotation (HOTLINE_ENCRYPTION_KEY_PREVIOUS) and a wrong key that stops start-up.

-- A fixed text sealed under the key at the first start (and re-sealed under each new key): a start
-- with a key that cannot open it is refused instead of answering 500 to every look at a number.
CREATE TABLE key_check (
    only_row     BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    probe_sealed BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);

-- An opt-out kept only as a blind index cannot be moved to a new key's index: nothing says which
-- number it is. From now on the number is sealed beside it (readable with the key, as the index is
-- brute-forceable with it); older rows get it back from any table that still holds the number.
ALTER TABLE suppressions ADD COLUMN phone_sealed BYTEA;
