-- What people did with materials (viewed, downloaded, uploaded, searched), one row per act, for the
-- usage reports. Written in batches by a background writer, never inside the request that caused it.
-- Subject and grade are copied from the material at the time, so a report by subject or grade needs no
-- join and does not change when the material is corrected later.
-- No foreign keys: a batch must never fail because one material or account was removed meanwhile.
CREATE TABLE usage_event (
    id                 bigserial   PRIMARY KEY,
    at                 timestamptz NOT NULL,
    kind               text        NOT NULL CHECK (kind IN ('VIEW', 'DOWNLOAD', 'UPLOAD', 'SEARCH')),
    material_id        uuid,
    account_id         uuid,
    -- the school of the person who acted, and the school the material is credited to
    actor_school_id    uuid,
    material_school_id uuid,
    subject            text,
    grade              text
);

CREATE INDEX usage_event_at_idx ON usage_event (at);
CREATE INDEX usage_event_actor_school_idx ON usage_event (actor_school_id, at);
CREATE INDEX usage_event_material_school_idx ON usage_event (material_school_id, at);
CREATE INDEX usage_event_account_idx ON usage_event (account_id, at);
CREATE INDEX usage_event_material_idx ON usage_event (material_id);
