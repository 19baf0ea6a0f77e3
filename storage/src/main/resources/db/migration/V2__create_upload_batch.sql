-- A ZIP of a whole folder uploaded at once (e.g. a semester's 备课 materials), and what became of
-- each file in it.
CREATE TABLE upload_batch (
    id          uuid PRIMARY KEY,
    school_id   uuid        NOT NULL REFERENCES school (id),
    file_name   text        NOT NULL,
    status      text        NOT NULL DEFAULT 'RUNNING'
                CHECK (status IN ('RUNNING', 'DONE', 'FAILED', 'INTERRUPTED')),
    message     text,
    total       integer     NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
);

CREATE TABLE upload_batch_item (
    batch_id    uuid        NOT NULL REFERENCES upload_batch (id) ON DELETE CASCADE,
    position    integer     NOT NULL,
    entry_name  text        NOT NULL,
    outcome     text        NOT NULL CHECK (outcome IN ('ACCEPTED', 'REJECTED', 'SKIPPED')),
    material_id uuid        REFERENCES material (id),
    duplicate_of uuid       REFERENCES material (id),
    message     text,
    PRIMARY KEY (batch_id, position)
);
