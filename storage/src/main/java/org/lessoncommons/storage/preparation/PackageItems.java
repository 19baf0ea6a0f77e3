package org.lessoncommons.storage.preparation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The materials of a package, in the order the members chose, with a note on each. */
@Component
public class PackageItems {

    private final JdbcClient jdbc;
    private final PreparationPackages packages;

    PackageItems(JdbcClient jdbc, PreparationPackages packages) {
        this.jdbc = jdbc;
        this.packages = packages;
    }

    /** In order, first to last. */
    public List<PackageItem> of(UUID packageId) {
        return jdbc.sql("""
                        SELECT i.material_id, i.position, i.note, a.display_name, i.added_at
                        FROM prep_item i JOIN account a ON a.id = i.added_by
                        WHERE i.package_id = :package ORDER BY i.position, i.added_at
                        """)
                .param("package", packageId)
                .query((rs, row) -> new PackageItem(
                        rs.getObject("material_id", UUID.class),
                        rs.getInt("position"),
                        rs.getString("note"),
                        rs.getString("display_name"),
                        rs.getTimestamp("added_at").toInstant()))
                .list();
    }

    /** Appends the material (a material already in the package keeps its place and gets the note). */
    @Transactional
    public void add(UUID packageId, UUID materialId, String note, UUID addedBy) {
        jdbc.sql("""
                        INSERT INTO prep_item (package_id, material_id, position, note, added_by)
                        VALUES (:package, :material,
                                (SELECT coalesce(max(position), 0) + 1 FROM prep_item WHERE package_id = :package),
                                :note, :by)
                        ON CONFLICT (package_id, material_id) DO UPDATE SET note = excluded.note
                        """)
                .param("package", packageId)
                .param("material", materialId)
                .param("note", note)
                .param("by", addedBy)
                .update();
        packages.touch(packageId);
    }

    public boolean annotate(UUID packageId, UUID materialId, String note) {
        return jdbc.sql("UPDATE prep_item SET note = :note WHERE package_id = :package AND material_id = :material")
                        .param("package", packageId)
                        .param("material", materialId)
                        .param("note", note)
                        .update()
                == 1;
    }

    public boolean remove(UUID packageId, UUID materialId) {
        return jdbc.sql("DELETE FROM prep_item WHERE package_id = :package AND material_id = :material")
                        .param("package", packageId)
                        .param("material", materialId)
                        .update()
                == 1;
    }

    /**
     * Puts the items in the given order. Items not named keep their relative order after the named
     * ones, so a member who could not see every item cannot drop the others by reordering.
     */
    @Transactional
    public void reorder(UUID packageId, List<UUID> order) {
        List<UUID> current = of(packageId).stream().map(PackageItem::materialId).toList();
        List<UUID> next = new ArrayList<>(
                order.stream().filter(current::contains).distinct().toList());
        current.stream().filter(id -> !next.contains(id)).forEach(next::add);
        for (int i = 0; i < next.size(); i++) {
            jdbc.sql(
                            "UPDATE prep_item SET position = :position WHERE package_id = :package AND material_id = :material")
                    .param("position", i + 1)
                    .param("package", packageId)
                    .param("material", next.get(i))
                    .update();
        }
        packages.touch(packageId);
    }
}
