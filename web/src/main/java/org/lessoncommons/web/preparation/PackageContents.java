package org.lessoncommons.web.preparation;

import java.util.List;
import java.util.Map;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.preparation.PackageItem;
import org.lessoncommons.storage.preparation.PackageItems;
import org.lessoncommons.storage.preparation.PreparationPackage;
import org.lessoncommons.web.VisibleMaterials;
import org.lessoncommons.web.accounts.Viewer;
import org.springframework.stereotype.Component;

/**
 * A package's items as one viewer may see them: an item whose material the viewer may not see
 * (shared only within another school, private, deleted) is left out, title and all, and only counted.
 */
@Component
class PackageContents {

    private final PackageItems items;
    private final VisibleMaterials visible;

    PackageContents(PackageItems items, VisibleMaterials visible) {
        this.items = items;
        this.visible = visible;
    }

    record Entry(PackageItem item, Material material, String schoolName) {}

    record Contents(List<Entry> entries, int hidden) {}

    Contents of(PreparationPackage p, Viewer viewer) {
        List<PackageItem> all = items.of(p.id());
        Map<java.util.UUID, Material> seen =
                visible.of(all.stream().map(PackageItem::materialId).toList(), viewer);
        List<Entry> entries = all.stream()
                .filter(item -> seen.containsKey(item.materialId()))
                .map(item -> {
                    Material m = seen.get(item.materialId());
                    return new Entry(item, m, visible.schoolName(m));
                })
                .toList();
        return new Contents(entries, all.size() - entries.size());
    }

    static PreparationViews.Item view(Entry e) {
        Material m = e.material();
        return new PreparationViews.Item(
                m.id(),
                e.item().position(),
                m.title(),
                m.fileName(),
                m.resourceType().label(),
                e.schoolName(),
                e.item().note(),
                e.item().addedByName(),
                e.item().addedAt(),
                "/materials/" + m.id(),
                "/api/materials/" + m.id() + "/file");
    }
}
