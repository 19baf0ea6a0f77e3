-- What ffprobe/ffmpeg found in a video or audio file; derived from the bytes, so keyed by them.
CREATE TABLE media (
    sha256           char(64) PRIMARY KEY REFERENCES blob (sha256),
    duration_seconds double precision,
    width            integer,
    height           integer,
    poster_key       text,
    probed_at        timestamptz NOT NULL DEFAULT now()
);
