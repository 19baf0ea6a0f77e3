package org.lessoncommons.web.reports;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.Materials;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.usage.MaterialUse;
import org.lessoncommons.storage.usage.UsageReports;
import org.lessoncommons.web.reports.ReportTable.Column;
import org.lessoncommons.web.reports.ReportTable.Row;
import org.lessoncommons.web.reports.ReportTable.Type;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The materials the scope's people viewed and downloaded most. A title is listed only if the viewer
 * may see the material themselves (an administrator is not shown the titles of a teacher's private
 * files because that teacher opened them).
 */
@Component
@Order(60)
class MostUsedReport implements ReportDefinition {

    private final UsageReports reports;
    private final Materials materials;
    private final Schools schools;

    MostUsedReport(UsageReports reports, Materials materials, Schools schools) {
        this.reports = reports;
        this.materials = materials;
        this.schools = schools;
    }

    @Override
    public String id() {
        return "most-used";
    }

    @Override
    public ReportTable compute(ReportContext context) {
        int limit = context.settings().topMaterials();
        List<MaterialUse> used = reports.mostUsed(context.scope().usage(), context.from(), context.to(), limit * 3);
        Map<UUID, Material> found = materials
                .findAllById(used.stream().map(MaterialUse::materialId).toList())
                .stream()
                .collect(Collectors.toMap(Material::id, Function.identity()));
        Map<UUID, UUID> alliances =
                schools.findAll().stream().collect(Collectors.toMap(School::id, School::allianceId));
        List<Row> rows = used.stream()
                .filter(use -> found.containsKey(use.materialId()))
                .filter(use -> {
                    Material material = found.get(use.materialId());
                    UUID alliance = alliances.get(material.schoolId());
                    return alliance != null && context.viewer().maySee(material, alliance);
                })
                .limit(limit)
                .map(use -> new Row(
                        use.materialId().toString(),
                        List.of(use.title(), use.schoolName(), use.views(), use.downloads())))
                .toList();
        return new ReportTable(
                id(),
                context.word("reports.mostUsed.title"),
                List.of(
                        new Column(context.word("reports.column.title"), Type.TEXT),
                        new Column(context.word("reports.column.school"), Type.TEXT),
                        new Column(context.word("reports.column.views"), Type.COUNT),
                        new Column(context.word("reports.column.downloads"), Type.COUNT)),
                rows,
                List.of(2, 3));
    }
}
