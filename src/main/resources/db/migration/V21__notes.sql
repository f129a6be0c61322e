-- Post-call notes: after a call or a conversation, the leader who took it writes a short note and
-- picks categories the coordinators define. The words are sealed like every personal datum; the
-- categories are what the stats count. Retention deletes a note (its words and its links).
CREATE TABLE note_categories (
    id        BIGSERIAL PRIMARY KEY,
    name_da   TEXT    NOT NULL,
    name_en   TEXT    NOT NULL,
    -- An inactive category is offered no more, and still counts in the notes that have it.
    active    BOOLEAN NOT NULL DEFAULT TRUE,
    position  INTEGER NOT NULL
);

CREATE TABLE notes (
    id               BIGSERIAL PRIMARY KEY,
    leader_id        BIGINT      NOT NULL REFERENCES leaders (id),
    call_sid         TEXT        REFERENCES calls (call_sid),
    conversation_id  BIGINT      REFERENCES conversations (id),
    body_sealed      BYTEA       NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    -- A note is about one call or one conversation, never both, never neither.
    CONSTRAINT notes_one_subject CHECK ((call_sid IS NULL) <> (conversation_id IS NULL))
);
-- One note per call and per conversation.
CREATE UNIQUE INDEX notes_one_per_call ON notes (call_sid) WHERE call_sid IS NOT NULL;
CREATE UNIQUE INDEX notes_one_per_conversation ON notes (conversation_id) WHERE conversation_id IS NOT NULL;
CREATE INDEX notes_leader ON notes (leader_id, created_at DESC);
CREATE INDEX notes_created ON notes (created_at);

CREATE TABLE note_category_links (
    note_id      BIGINT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    category_id  BIGINT NOT NULL REFERENCES note_categories (id),
    PRIMARY KEY (note_id, category_id)
);
CREATE INDEX note_category_links_category ON note_category_links (category_id);
