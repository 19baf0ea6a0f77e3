-- 集体备课: preparation groups (备课组) across the schools of one alliance, and their preparation
-- packages (备课包): an ordered set of materials for one lesson or unit, a plan kept in versions,
-- and a discussion thread.
CREATE TABLE prep_group (
    id          uuid PRIMARY KEY,
    alliance_id uuid        NOT NULL REFERENCES alliance (id),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    subject     text        NOT NULL,
    grade       text        NOT NULL,
    created_by  uuid        NOT NULL REFERENCES account (id),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX prep_group_alliance_idx ON prep_group (alliance_id, created_at DESC);

-- The lead (组长) adds and removes members; every member prepares.
CREATE TABLE prep_group_member (
    group_id   uuid        NOT NULL REFERENCES prep_group (id) ON DELETE CASCADE,
    account_id uuid        NOT NULL REFERENCES account (id),
    lead       boolean     NOT NULL DEFAULT false,
    added_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (group_id, account_id)
);

CREATE INDEX prep_group_member_account_idx ON prep_group_member (account_id);

CREATE TABLE prep_package (
    id           uuid PRIMARY KEY,
    group_id     uuid        NOT NULL REFERENCES prep_group (id) ON DELETE CASCADE,
    topic        text        NOT NULL CHECK (length(topic) BETWEEN 1 AND 300),
    subject      text        NOT NULL,
    grade        text        NOT NULL,
    edition      text        NOT NULL DEFAULT '',
    chapter      text        NOT NULL DEFAULT '',
    plan         text        NOT NULL DEFAULT '',
    -- Bumped by every save of the plan; the text it replaced goes to prep_plan_version.
    plan_version integer     NOT NULL DEFAULT 0,
    plan_saved_by uuid       REFERENCES account (id),
    plan_saved_at timestamptz,
    created_by   uuid        NOT NULL REFERENCES account (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX prep_package_group_idx ON prep_package (group_id, updated_at DESC);

-- Earlier plans, never changed: version n is the text that was current before save n+1.
CREATE TABLE prep_plan_version (
    package_id uuid        NOT NULL REFERENCES prep_package (id) ON DELETE CASCADE,
    version    integer     NOT NULL,
    plan       text        NOT NULL,
    saved_by   uuid        REFERENCES account (id),
    saved_at   timestamptz NOT NULL,
    PRIMARY KEY (package_id, version)
);

CREATE TABLE prep_item (
    package_id  uuid        NOT NULL REFERENCES prep_package (id) ON DELETE CASCADE,
    material_id uuid        NOT NULL REFERENCES material (id),
    position    integer     NOT NULL,
    note        text        NOT NULL DEFAULT '',
    added_by    uuid        NOT NULL REFERENCES account (id),
    added_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (package_id, material_id)
);

CREATE TABLE prep_comment (
    id         bigserial PRIMARY KEY,
    package_id uuid        NOT NULL REFERENCES prep_package (id) ON DELETE CASCADE,
    author_id  uuid        NOT NULL REFERENCES account (id),
    body       text        NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX prep_comment_package_idx ON prep_comment (package_id, created_at);
