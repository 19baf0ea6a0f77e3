-- The lending library (图书漂流 / 设备轮用): physical books and equipment owned by member schools,
-- lent across the schools of one alliance.

-- A catalog title: a book (one ISBN) or a piece of equipment (a name and model), shared by the
-- alliance; each school's physical items are its copies.
CREATE TABLE lending_title (
    id          uuid PRIMARY KEY,
    alliance_id uuid        NOT NULL REFERENCES alliance (id),
    kind        text        NOT NULL CHECK (kind IN ('BOOK', 'EQUIPMENT')),
    title       text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    author      text        NOT NULL DEFAULT '' CHECK (length(author) <= 300),
    publisher   text        NOT NULL DEFAULT '' CHECK (length(publisher) <= 200),
    -- ISBN-10 or ISBN-13, digits only (hyphens stripped), checked by the importer
    isbn        text        CHECK (isbn ~ '^([0-9]{9}[0-9X]|[0-9]{13})$'),
    model       text        NOT NULL DEFAULT '' CHECK (length(model) <= 200),
    created_at  timestamptz NOT NULL DEFAULT now(),
    version     integer     NOT NULL DEFAULT 0,
    CHECK (kind = 'BOOK' OR isbn IS NULL)
);

-- One title per ISBN in an alliance; without an ISBN, one per title + author (books) or name + model.
CREATE UNIQUE INDEX lending_title_isbn_uq ON lending_title (alliance_id, isbn) WHERE isbn IS NOT NULL;
CREATE UNIQUE INDEX lending_title_unnumbered_uq ON lending_title (alliance_id, kind, title, author, model)
    WHERE isbn IS NULL;

-- A physical copy: a book with its barcode (条码) or a device with its asset tag (资产编号). The owner
-- never changes; the shelf is where it stands now (a drifted book sits on another school's shelf).
CREATE TABLE lending_copy (
    id              uuid PRIMARY KEY,
    title_id        uuid        NOT NULL REFERENCES lending_title (id),
    owner_school_id uuid        NOT NULL REFERENCES school (id),
    shelf_school_id uuid        NOT NULL REFERENCES school (id),
    barcode         text        NOT NULL CHECK (length(barcode) BETWEEN 1 AND 64),
    created_at      timestamptz NOT NULL DEFAULT now(),
    version         integer     NOT NULL DEFAULT 0,
    UNIQUE (owner_school_id, barcode)
);

CREATE INDEX lending_copy_title_idx ON lending_copy (title_id);
CREATE INDEX lending_copy_shelf_idx ON lending_copy (shelf_school_id);

-- A loan of one copy to one person: REQUESTED → APPROVED → CHECKED_OUT → RETURNED, or REJECTED /
-- CANCELLED before the copy is handed over.
CREATE TABLE lending_loan (
    id                 uuid PRIMARY KEY,
    copy_id            uuid        NOT NULL REFERENCES lending_copy (id),
    borrower_id        uuid        NOT NULL REFERENCES account (id),
    borrower_school_id uuid        NOT NULL REFERENCES school (id),
    hold_id            uuid,
    state              text        NOT NULL
                       CHECK (state IN ('REQUESTED', 'APPROVED', 'CHECKED_OUT', 'RETURNED', 'REJECTED', 'CANCELLED')),
    requested_at       timestamptz NOT NULL DEFAULT now(),
    decided_at         timestamptz,
    decided_by         uuid        REFERENCES account (id),
    checked_out_at     timestamptz,
    due_on             date,
    renewals           integer     NOT NULL DEFAULT 0 CHECK (renewals >= 0),
    returned_at        timestamptz,
    version            integer     NOT NULL DEFAULT 0,
    CHECK (state NOT IN ('CHECKED_OUT', 'RETURNED') OR (checked_out_at IS NOT NULL AND due_on IS NOT NULL))
);

-- A copy is promised or lent to at most one person at a time, whatever requests race: the database
-- decides, not the application. A REQUESTED loan already claims the copy (first come, first served).
CREATE UNIQUE INDEX lending_loan_one_active_per_copy ON lending_loan (copy_id)
    WHERE state IN ('REQUESTED', 'APPROVED', 'CHECKED_OUT');

CREATE INDEX lending_loan_borrower_idx ON lending_loan (borrower_id, requested_at DESC);
CREATE INDEX lending_loan_copy_idx ON lending_loan (copy_id, requested_at DESC);
CREATE INDEX lending_loan_due_idx ON lending_loan (due_on) WHERE state = 'CHECKED_OUT';

-- A hold (预约) on a title while no copy is free: served first come, first served. When a copy comes
-- back the oldest WAITING hold is OFFERED that copy (a REQUESTED loan made for its holder).
CREATE TABLE lending_hold (
    id         uuid PRIMARY KEY,
    title_id   uuid        NOT NULL REFERENCES lending_title (id),
    account_id uuid        NOT NULL REFERENCES account (id),
    school_id  uuid        NOT NULL REFERENCES school (id),
    state      text        NOT NULL CHECK (state IN ('WAITING', 'OFFERED', 'CANCELLED')),
    placed_at  timestamptz NOT NULL DEFAULT now(),
    loan_id    uuid        REFERENCES lending_loan (id),
    closed_at  timestamptz,
    version    integer     NOT NULL DEFAULT 0,
    CHECK (state <> 'OFFERED' OR loan_id IS NOT NULL)
);

ALTER TABLE lending_loan ADD FOREIGN KEY (hold_id) REFERENCES lending_hold (id);

-- One place in the queue per person and title.
CREATE UNIQUE INDEX lending_hold_one_waiting_uq ON lending_hold (title_id, account_id) WHERE state = 'WAITING';
CREATE INDEX lending_hold_queue_idx ON lending_hold (title_id, placed_at, id) WHERE state = 'WAITING';

-- A copy moved to another school's shelf (漂流): its journey.
CREATE TABLE lending_transfer (
    id             uuid PRIMARY KEY,
    copy_id        uuid        NOT NULL REFERENCES lending_copy (id),
    from_school_id uuid        NOT NULL REFERENCES school (id),
    to_school_id   uuid        NOT NULL REFERENCES school (id),
    moved_by       uuid        REFERENCES account (id),
    moved_at       timestamptz NOT NULL DEFAULT now(),
    note           text        NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    version        integer     NOT NULL DEFAULT 0,
    CHECK (from_school_id <> to_school_id)
);

CREATE INDEX lending_transfer_copy_idx ON lending_transfer (copy_id, moved_at);
