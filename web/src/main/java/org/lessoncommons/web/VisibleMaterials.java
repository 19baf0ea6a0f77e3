package org.lessoncommons.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.Materials;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.web.accounts.Viewer;
import org.springframework.stereotype.Component;

/**
 * The materials a viewer may see among many, by the rule {@link MaterialAccess} applies to one:
 * for features that hold materials by id (preparation packages, observation sessions), so that
 * neither a material nor its title reaches someone its sharing excludes. Deleted ones are left out.
 */
@Component
public class VisibleMaterials {

    private final Materials materials;
    private final Schools schools;

    VisibleMaterials(Materials materials, Schools schools) {
        this.materials = materials;
        this.schools = schools;
    }

    /** Those of {@code ids} the viewer may see, in the order of {@code ids}. */
    public Map<UUID, Material> of(Collection<UUID> ids, Viewer viewer) {
        Map<UUID, Material> found = new HashMap<>();
        materials.findAllById(ids).forEach(m -> found.put(m.id(), m));
        Map<UUID, UUID> alliances = new HashMap<>();
        Map<UUID, Material> visible = new LinkedHashMap<>();
        for (UUID id : ids) {
            Material m = found.get(id);
            if (m == null || m.isDeleted()) {
                continue;
            }
            UUID alliance = alliances.computeIfAbsent(
                    m.schoolId(),
                    school -> schools.findById(school).map(School::allianceId).orElse(new UUID(0, 0)));
            if (viewer.maySee(m, alliance)) {
                visible.put(id, m);
            }
        }
        return visible;
    }

    public Optional<Material> find(UUID id, Viewer viewer) {
        return Optional.ofNullable(of(java.util.List.of(id), viewer).get(id));
    }

    /** The name of the school a material comes from. */
    public String schoolName(Material material) {
        return schools.findById(material.schoolId()).map(School::name).orElse("");
    }
}
