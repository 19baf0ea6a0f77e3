-- 听课评课: observation sessions (观摩课, 示范课, 研讨课, 同课异构), their lessons and files, and the
-- observers' evaluations against the alliance's rubric.
CREATE TABLE obs_session (
    id             uuid PRIMARY KEY,
    alliance_id    uuid        NOT NULL REFERENCES alliance (id),
    host_school_id uuid        NOT NULL REFERENCES school (id),
    kind           text        NOT NULL CHECK (kind IN ('OPEN_LESSON', 'DEMONSTRATION', 'SEMINAR', 'SAME_TOPIC')),
    topic          text        NOT NULL CHECK (length(topic) BETWEEN 1 AND 300),
    subject        text        NOT NULL,
    grade          text        NOT NULL,
    chapter        text        NOT NULL DEFAULT '',
    held_on        date        NOT NULL,
    location       text        NOT NULL DEFAULT '',
    created_by     uuid        NOT NULL REFERENCES account (id),
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX obs_session_alliance_idx ON obs_session (alliance_id, held_on);
CREATE INDEX obs_session_host_idx ON obs_session (host_school_id, held_on);

-- One lesson per teaching teacher; a 同课异构 session has two or more on the same topic.
CREATE TABLE obs_lesson (
    id         uuid PRIMARY KEY,
    session_id uuid    NOT NULL REFERENCES obs_session (id) ON DELETE CASCADE,
    teacher_id uuid    NOT NULL REFERENCES account (id),
    position   integer NOT NULL,
    UNIQUE (session_id, teacher_id)
);

CREATE TABLE obs_observer (
    session_id uuid NOT NULL REFERENCES obs_session (id) ON DELETE CASCADE,
    account_id uuid NOT NULL REFERENCES account (id),
    PRIMARY KEY (session_id, account_id)
);

CREATE INDEX obs_observer_account_idx ON obs_observer (account_id);

-- Files uploaded from the session (through the normal ingest path), optionally of one lesson.
CREATE TABLE obs_material (
    session_id  uuid        NOT NULL REFERENCES obs_session (id) ON DELETE CASCADE,
    material_id uuid        NOT NULL REFERENCES material (id),
    lesson_id   uuid        REFERENCES obs_lesson (id) ON DELETE SET NULL,
    kind        text        NOT NULL CHECK (kind IN ('VIDEO', 'PLAN', 'COURSEWARE', 'PHOTO', 'EVALUATION_RECORD')),
    added_by    uuid        NOT NULL REFERENCES account (id),
    added_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, material_id)
);

-- The rubric of an alliance; a criterion no longer used is retired, not deleted, so old scores keep their name.
CREATE TABLE rubric_criterion (
    id          uuid PRIMARY KEY,
    alliance_id uuid    NOT NULL REFERENCES alliance (id),
    name        text    NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    max_score   integer NOT NULL CHECK (max_score BETWEEN 1 AND 100),
    position    integer NOT NULL,
    retired     boolean NOT NULL DEFAULT false
);

CREATE INDEX rubric_criterion_alliance_idx ON rubric_criterion (alliance_id, position);

-- One evaluation (评课) per observer and lesson; saving again replaces it.
CREATE TABLE obs_evaluation (
    id          uuid PRIMARY KEY,
    lesson_id   uuid        NOT NULL REFERENCES obs_lesson (id) ON DELETE CASCADE,
    observer_id uuid        NOT NULL REFERENCES account (id),
    comment     text        NOT NULL DEFAULT '',
    saved_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (lesson_id, observer_id)
);

CREATE TABLE obs_score (
    evaluation_id uuid    NOT NULL REFERENCES obs_evaluation (id) ON DELETE CASCADE,
    criterion_id  uuid    NOT NULL REFERENCES rubric_criterion (id),
    score         integer NOT NULL CHECK (score >= 0),
    PRIMARY KEY (evaluation_id, criterion_id)
);

-- A comment pinned to a moment of a lesson's video.
CREATE TABLE obs_moment (
    id          bigserial PRIMARY KEY,
    lesson_id   uuid        NOT NULL REFERENCES obs_lesson (id) ON DELETE CASCADE,
    material_id uuid        NOT NULL REFERENCES material (id),
    author_id   uuid        NOT NULL REFERENCES account (id),
    seconds     integer     NOT NULL CHECK (seconds >= 0),
    body        text        NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX obs_moment_lesson_idx ON obs_moment (lesson_id, seconds);
