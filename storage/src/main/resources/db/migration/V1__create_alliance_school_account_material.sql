-- Alliances (教育联盟 / 教育集团) and their member schools.
CREATE TABLE alliance (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now(),
    version     integer     NOT NULL DEFAULT 0
);

CREATE TABLE school (
    id          uuid PRIMARY KEY,
    alliance_id uuid        NOT NULL REFERENCES alliance (id),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- 核心校 (CORE) leads the alliance; 成员校 (MEMBER) joins it.
    membership  text        NOT NULL DEFAULT 'MEMBER' CHECK (membership IN ('CORE', 'MEMBER')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    version     integer     NOT NULL DEFAULT 0,
    UNIQUE (alliance_id, name)
);

CREATE TABLE account (
    id            uuid PRIMARY KEY,
    school_id     uuid        NOT NULL REFERENCES school (id),
    username      text        NOT NULL UNIQUE CHECK (length(username) BETWEEN 1 AND 64),
    display_name  text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    role          text        NOT NULL DEFAULT 'TEACHER'
                  CHECK (role IN ('TEACHER', 'SCHOOL_ADMIN', 'ALLIANCE_ADMIN', 'SYSTEM_ADMIN')),
    password_hash text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    version       integer     NOT NULL DEFAULT 0
);

-- One row per distinct file content: the same bytes uploaded twice are stored once.
CREATE TABLE blob (
    sha256       char(64)    PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    object_key   text        NOT NULL UNIQUE,
    size_bytes   bigint      NOT NULL CHECK (size_bytes >= 0),
    content_type text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE material (
    id             uuid PRIMARY KEY,
    school_id      uuid        NOT NULL REFERENCES school (id),
    uploader_id    uuid        REFERENCES account (id),
    title          text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    description    text        NOT NULL DEFAULT '',
    subject        text        NOT NULL,
    grade          text        NOT NULL,
    resource_type  text        NOT NULL,
    file_name      text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    content_type   text        NOT NULL,
    size_bytes     bigint      NOT NULL CHECK (size_bytes >= 0),
    sha256         char(64)    NOT NULL REFERENCES blob (sha256),
    status         text        NOT NULL DEFAULT 'PENDING'
                   CHECK (status IN ('PENDING', 'EXTRACTING', 'INDEXED', 'FAILED')),
    failure_reason text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        integer     NOT NULL DEFAULT 0
);

CREATE INDEX material_school_idx ON material (school_id, created_at DESC);
CREATE INDEX material_sha256_idx ON material (sha256);
CREATE INDEX material_created_idx ON material (created_at DESC);

-- Transactional outbox: a job is written in the same transaction as its material,
-- so an acknowledged upload is always extracted and indexed eventually.
CREATE TABLE ingest_job (
    material_id     uuid PRIMARY KEY REFERENCES material (id) ON DELETE CASCADE,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    locked_until    timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ingest_job_due_idx ON ingest_job (next_attempt_at);
