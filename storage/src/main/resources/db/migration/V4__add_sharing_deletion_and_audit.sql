-- Who may see a material (联盟共享 / 本校 / 仅自己), and soft deletion: a deleted material leaves the
-- index and every listing, but its row and bytes stay until it is restored or purged.
ALTER TABLE material
    ADD COLUMN sharing    text        NOT NULL DEFAULT 'ALLIANCE' CHECK (sharing IN ('ALLIANCE', 'SCHOOL', 'PRIVATE')),
    ADD COLUMN deleted_at timestamptz;

CREATE INDEX material_uploader_idx ON material (uploader_id, created_at DESC);

-- Accounts can be switched off (a teacher who left) without losing what they contributed.
ALTER TABLE account
    ADD COLUMN enabled    boolean     NOT NULL DEFAULT true,
    ADD COLUMN invited_by uuid        REFERENCES account (id);

-- Who did what, when: uploads, downloads, deletions, role changes, sign-ins, loans.
CREATE TABLE audit_event (
    id          bigserial   PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor_id    uuid        REFERENCES account (id),
    actor_name  text        NOT NULL,
    school_id   uuid        REFERENCES school (id),
    action      text        NOT NULL CHECK (length(action) BETWEEN 1 AND 64),
    target_type text,
    target_id   text,
    detail      text        NOT NULL DEFAULT '',
    remote_addr text
);

CREATE INDEX audit_event_at_idx ON audit_event (at DESC);
CREATE INDEX audit_event_school_idx ON audit_event (school_id, at DESC);
