-- How often each material was downloaded: the "most downloaded" sort and a gentle ranking signal.
-- The index copies it (as a doc value); this table is its source of truth for a rebuild.
CREATE TABLE material_download (
    material_id uuid   PRIMARY KEY REFERENCES material (id) ON DELETE CASCADE,
    downloads   bigint NOT NULL DEFAULT 0 CHECK (downloads >= 0)
);

-- Downloads made before this table existed are in the audit log.
INSERT INTO material_download (material_id, downloads)
SELECT m.id, count(*)
FROM audit_event a JOIN material m ON m.id::text = a.target_id
WHERE a.action = 'material.download' AND a.target_type = 'material'
GROUP BY m.id;
