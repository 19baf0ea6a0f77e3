package org.lessoncommons.web.reports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.web.accounts.Forbidden;
import org.lessoncommons.web.accounts.Viewer;
import org.lessoncommons.web.accounts.Viewers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Usage reports as JSON, CSV, XLSX and the per-semester alliance PDF. Every number is summed within
 * what the viewer's role may see: a teacher their own activity, a school administrator their
 * school, an alliance administrator the alliance, a system administrator everything.
 */
@RestController
@RequestMapping("/api/reports")
class ReportApi {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Reports reports;
    private final Viewers viewers;
    private final CsvExport csv;
    private final XlsxExport xlsx;
    private final AllianceReportPdf pdf;
    private final Schools schools;
    private final Alliances alliances;

    ReportApi(
            Reports reports,
            Viewers viewers,
            CsvExport csv,
            XlsxExport xlsx,
            AllianceReportPdf pdf,
            Schools schools,
            Alliances alliances) {
        this.reports = reports;
        this.viewers = viewers;
        this.csv = csv;
        this.xlsx = xlsx;
        this.pdf = pdf;
        this.schools = schools;
        this.alliances = alliances;
    }

    record SemesterView(String code, String label, String from, String to) {

        static SemesterView of(Semester s, Locale locale) {
            return new SemesterView(
                    s.code(),
                    s.label(locale),
                    s.firstDay().toString(),
                    s.endDay().toString());
        }
    }

    record Overview(SemesterView semester, String reach, List<SemesterView> semesters, List<ReportTable> reports) {}

    @GetMapping
    Overview all(@RequestParam(required = false) @Nullable String semester, Locale locale) {
        ReportContext context = context(semester, locale);
        return new Overview(
                SemesterView.of(context.semester(), locale),
                context.scope().reach().name(),
                reports.choices().stream().map(s -> SemesterView.of(s, locale)).toList(),
                reports.all(context));
    }

    @GetMapping("/{id}")
    ReportTable one(@PathVariable String id, @RequestParam(required = false) @Nullable String semester, Locale locale) {
        return reports.one(id, context(semester, locale));
    }

    @GetMapping("/{id}.csv")
    ResponseEntity<byte[]> csv(
            @PathVariable String id, @RequestParam(required = false) @Nullable String semester, Locale locale) {
        ReportContext context = context(semester, locale);
        return file(
                csv.write(reports.one(id, context)),
                CSV,
                id + "-" + context.semester().code() + ".csv");
    }

    @GetMapping("/{id}.xlsx")
    ResponseEntity<byte[]> xlsx(
            @PathVariable String id, @RequestParam(required = false) @Nullable String semester, Locale locale) {
        ReportContext context = context(semester, locale);
        return file(
                xlsx.write(List.of(reports.one(id, context))),
                XLSX,
                id + "-" + context.semester().code() + ".xlsx");
    }

    /** Every report in one workbook, a sheet each. */
    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> workbook(@RequestParam(required = false) @Nullable String semester, Locale locale) {
        ReportContext context = context(semester, locale);
        return file(
                xlsx.write(reports.all(context)),
                XLSX,
                "reports-" + context.semester().code() + ".xlsx");
    }

    /**
     * The per-semester alliance report, one page per school: all schools of the alliance for its
     * administrators (a system administrator names any alliance), the own school for a school
     * administrator; not for teachers.
     */
    @GetMapping("/alliance.pdf")
    ResponseEntity<byte[]> alliancePdf(
            @RequestParam(required = false) @Nullable String semester,
            @RequestParam(required = false) @Nullable UUID alliance,
            Locale locale) {
        Viewer viewer = viewers.current();
        ReportContext context = context(semester, locale);
        UUID allianceId = alliance == null ? viewer.allianceId() : alliance;
        List<School> pages = switch (viewer.role()) {
            case TEACHER -> throw new Forbidden("只有学校管理员和联盟管理员可以导出考核报告");
            case SCHOOL_ADMIN -> {
                requireOwnAlliance(viewer, allianceId);
                yield schools.findById(viewer.schoolId()).stream().toList();
            }
            case ALLIANCE_ADMIN -> {
                requireOwnAlliance(viewer, allianceId);
                yield schools.findByAllianceIdOrderByMembershipAscNameAsc(allianceId);
            }
            case SYSTEM_ADMIN -> schools.findByAllianceIdOrderByMembershipAscNameAsc(allianceId);
        };
        Alliance found = alliances
                .findById(allianceId)
                .orElseThrow(() -> new InvalidReportParameter("alliance", "没有这个联盟：" + allianceId));
        return file(
                pdf.render(found.name(), pages, context),
                MediaType.APPLICATION_PDF,
                "alliance-report-" + context.semester().code() + ".pdf");
    }

    private static void requireOwnAlliance(Viewer viewer, UUID allianceId) {
        if (!viewer.allianceId().equals(allianceId)) {
            throw new Forbidden("只能导出本联盟的考核报告");
        }
    }

    private ReportContext context(@Nullable String semester, Locale locale) {
        return reports.context(viewers.current(), semester, locale);
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }
}
