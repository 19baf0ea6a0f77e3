package org.lessoncommons.web;

import java.util.UUID;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.Materials;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.web.accounts.Forbidden;
import org.lessoncommons.web.accounts.Viewer;
import org.springframework.stereotype.Component;

/**
 * Opens a material by id for a viewer, by the same rule search applies inside its query. A
 * material the viewer may not see is "not found", so ids reveal nothing; a deleted one is visible
 * only to those who may restore it.
 */
@Component
class MaterialAccess {

    private final Materials materials;
    private final Schools schools;

    MaterialAccess(Materials materials, Schools schools) {
        this.materials = materials;
        this.schools = schools;
    }

    Material visible(UUID id, Viewer viewer) {
        Material material = materials.findById(id).orElseThrow(() -> new MaterialNotFound(id));
        UUID allianceId =
                schools.findById(material.schoolId()).map(School::allianceId).orElse(null);
        boolean visible = allianceId != null && viewer.maySee(material, allianceId);
        if (!visible || material.isDeleted() && !viewer.mayChange(material)) {
            throw new MaterialNotFound(id);
        }
        return material;
    }

    Material changeable(UUID id, Viewer viewer) {
        Material material = visible(id, viewer);
        if (!viewer.mayChange(material)) {
            throw new Forbidden("只有上传者或本校管理员可以修改、删除这份资源");
        }
        return material;
    }
}
