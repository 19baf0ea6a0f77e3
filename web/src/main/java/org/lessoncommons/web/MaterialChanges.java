package org.lessoncommons.web;

import java.util.UUID;
import org.lessoncommons.ingest.Corrections;
import org.lessoncommons.ingest.Deletions;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.Materials;
import org.lessoncommons.web.accounts.Audit;
import org.lessoncommons.web.accounts.Viewer;
import org.lessoncommons.web.accounts.Viewers;
import org.springframework.stereotype.Component;

/**
 * Edits, soft deletes and restores a material for the signed-in viewer, who must be its uploader
 * or an administrator of its school; each change is audited. The API and the pages share it.
 */
@Component
class MaterialChanges {

    private final Materials materials;
    private final Corrections corrections;
    private final Deletions deletions;
    private final MaterialAccess access;
    private final Viewers viewers;
    private final Audit audit;

    MaterialChanges(
            Materials materials,
            Corrections corrections,
            Deletions deletions,
            MaterialAccess access,
            Viewers viewers,
            Audit audit) {
        this.materials = materials;
        this.corrections = corrections;
        this.deletions = deletions;
        this.access = access;
        this.viewers = viewers;
        this.audit = audit;
    }

    /** Corrects the metadata; re-indexed at once. */
    Material edit(UUID id, MaterialApi.Edit edit) {
        Viewer viewer = viewers.current();
        Material material = access.changeable(id, viewer);
        Material corrected = corrections.correct(id, edit.toCorrection()).orElseThrow(() -> new MaterialNotFound(id));
        if (corrected.sharing() != material.sharing()) {
            audit.record(
                    viewer,
                    "material.sharing",
                    material.schoolId(),
                    "material",
                    id,
                    corrected.sharing().name());
        }
        return corrected;
    }

    /** Out of search and listings at once; restorable by the same people. */
    void delete(UUID id) {
        Viewer viewer = viewers.current();
        Material material = access.changeable(id, viewer);
        if (!material.isDeleted()) {
            deletions.delete(id);
            audit.record(viewer, "material.delete", material.schoolId(), "material", id, material.title());
        }
    }

    Material restore(UUID id) {
        Viewer viewer = viewers.current();
        Material material = access.changeable(id, viewer);
        if (material.isDeleted()) {
            deletions.restore(id);
            audit.record(viewer, "material.restore", material.schoolId(), "material", id, material.title());
        }
        return materials.findById(id).orElseThrow(() -> new MaterialNotFound(id));
    }
}
