package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.School.Membership;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.usage.UsageRecorder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Real requests by teachers of two alliances (A: schools A1 core and A2; B: school B1) become usage
 * events; the reports then sum exactly those, and each role sees only its part.
 *
 * <p>Activity: A1's teacher views A2's material 3× and downloads it 2×, and opens their own material's
 * page once; A2's teacher views A1's material 4× and downloads it 2×; B1's teacher views B1's
 * material 2×.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageReportsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Alliances alliances;

    @Autowired
    Schools schools;

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    UsageRecorder recorder;

    @Autowired
    JdbcClient jdbc;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Created(UUID id) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Column(String header, String type) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Row(String key, List<Object> cells) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Table(String id, String title, List<Column> columns, List<Row> rows) {

        Optional<Row> row(Object key) {
            return rows.stream().filter(r -> r.key().equals(key.toString())).findFirst();
        }

        long number(Object key, int column) {
            return row(key).map(r -> ((Number) r.cells().get(column)).longValue())
                    .orElse(0L);
        }

        long total(int column) {
            return rows.stream()
                    .mapToLong(r -> ((Number) r.cells().get(column)).longValue())
                    .sum();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Overview(String reach, List<Table> reports) {}

    String semester;
    School a1;
    School a2;
    School b1;
    Account teacherA1;
    Account teacherA2;
    Account teacherB1;
    UUID materialA1;
    UUID materialA2;
    UUID materialB1;

    @BeforeAll
    void activity() throws InterruptedException {
        semester = currentSemester();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Alliance a = alliances.save(Alliance.named("报表联盟A " + run));
        Alliance b = alliances.save(Alliance.named("报表联盟B " + run));
        a1 = schools.save(School.of(a, "城南实验小学 " + run, Membership.CORE));
        a2 = schools.save(School.of(a, "育英第二小学 " + run, Membership.MEMBER));
        b1 = schools.save(School.of(b, "城北中学 " + run, Membership.MEMBER));
        teacherA1 = SignedIn.account(accounts, passwordEncoder, a1, Role.TEACHER);
        teacherA2 = SignedIn.account(accounts, passwordEncoder, a2, Role.TEACHER);
        teacherB1 = SignedIn.account(accounts, passwordEncoder, b1, Role.TEACHER);
        RestClient httpA1 = SignedIn.as(port, teacherA1);
        RestClient httpA2 = SignedIn.as(port, teacherA2);
        RestClient httpB1 = SignedIn.as(port, teacherB1);
        materialA1 = upload(httpA1, "=分数的初步认识 " + run, "数学", "三年级");
        materialA2 = upload(httpA2, "静夜思 教案 " + run, "语文", "五年级");
        materialB1 = upload(httpB1, "浮力 " + run, "物理", "八年级");

        repeat(3, () -> ok(httpA1.get().uri("/api/materials/{id}", materialA2)));
        repeat(2, () -> ok(httpA1.get().uri("/api/materials/{id}/file", materialA2)));
        ok(httpA1.get().uri("/materials/{id}", materialA1));
        repeat(4, () -> ok(httpA2.get().uri("/api/materials/{id}", materialA1)));
        repeat(2, () -> ok(httpA2.get().uri("/api/materials/{id}/file", materialA1)));
        repeat(2, () -> ok(httpB1.get().uri("/api/materials/{id}", materialB1)));

        assertThat(recorder.awaitWritten(Duration.ofSeconds(20))).isTrue();
    }

    @Test
    void reportTotalsEqualTheRawEventsAndTheRequestsMade() {
        RestClient admin = as(a1, Role.ALLIANCE_ADMIN);

        Table bySchool = report(admin, "usage-by-school");
        Table byMonth = report(admin, "usage-by-month");
        Table bySubject = report(admin, "usage-by-subject");
        Table byGrade = report(admin, "usage-by-grade");

        Map<String, Long> raw = rawCounts(List.of(a1.id(), a2.id()));
        assertThat(raw).containsEntry("VIEW", 8L).containsEntry("DOWNLOAD", 4L).containsEntry("UPLOAD", 2L);
        for (Table table : List.of(bySchool, byMonth, bySubject, byGrade)) {
            assertThat(table.total(1)).as(table.id() + " uploads").isEqualTo(raw.get("UPLOAD"));
            assertThat(table.total(2)).as(table.id() + " views").isEqualTo(raw.get("VIEW"));
            assertThat(table.total(3)).as(table.id() + " downloads").isEqualTo(raw.get("DOWNLOAD"));
        }
        assertThat(bySchool.rows())
                .extracting(Row::key)
                .containsExactly(a1.id().toString(), a2.id().toString());
        assertThat(bySchool.row(a1.id()).orElseThrow().cells()).containsExactly(a1.name(), 1, 4, 2);
        assertThat(bySchool.row(a2.id()).orElseThrow().cells()).containsExactly(a2.name(), 1, 4, 2);
        assertThat(bySubject.row("MATH").orElseThrow().cells()).containsExactly("数学", 1, 5, 2);
        assertThat(bySubject.row("CHINESE").orElseThrow().cells()).containsExactly("语文", 1, 3, 2);
        assertThat(byGrade.rows()).extracting(Row::key).containsExactly("GRADE_3", "GRADE_5");
        assertThat(byMonth.rows()).hasSize(semester.endsWith("-1") ? 5 : 6);
    }

    @Test
    void contributionSetsWhatOtherSchoolsUsedAgainstWhatTheSchoolUsedOfOthers() {
        Table contribution = report(as(a2, Role.ALLIANCE_ADMIN), "contribution");

        assertThat(contribution.rows())
                .extracting(Row::key)
                .containsExactly(a1.id().toString(), a2.id().toString());
        assertThat(contribution.row(a1.id()).orElseThrow().cells()).containsExactly(a1.name(), 1, 1, 6, 5, 1.2);
        assertThat(contribution.row(a2.id()).orElseThrow().cells()).containsExactly(a2.name(), 1, 1, 5, 6, 0.83);
    }

    @Test
    void mostUsedListsMaterialsByViewsAndDownloads() {
        Table mostUsed = report(as(a1, Role.ALLIANCE_ADMIN), "most-used");

        assertThat(mostUsed.rows()).extracting(Row::key).containsExactly(materialA1.toString(), materialA2.toString());
        assertThat(mostUsed.row(materialA1).orElseThrow().cells().subList(1, 4)).containsExactly(a1.name(), 5, 2);
    }

    @Test
    void aTeacherSeesOnlyTheirOwnActivity() {
        Overview overview = SignedIn.as(port, teacherA1)
                .get()
                .uri("/api/reports?semester={s}", semester)
                .retrieve()
                .body(Overview.class);
        Map<String, Table> reports = overview.reports().stream().collect(Collectors.toMap(Table::id, t -> t));

        assertThat(overview.reach()).isEqualTo("OWN");
        assertThat(reports.get("usage-by-school").rows())
                .extracting(Row::key)
                .containsExactly(a1.id().toString());
        assertThat(reports.get("usage-by-school").row(a1.id()).orElseThrow().cells())
                .containsExactly(a1.name(), 1, 4, 2);
        assertThat(reports.get("contribution").rows())
                .extracting(Row::key)
                .containsExactly(a1.id().toString());
        assertThat(reports.get("contribution").row(a1.id()).orElseThrow().cells())
                .containsExactly(a1.name(), 1, 1, 6, 5, 1.2);
        assertThat(overview.reports().stream().flatMap(t -> t.rows().stream()).map(Row::key))
                .doesNotContain(a2.id().toString(), b1.id().toString(), materialB1.toString());
    }

    @Test
    void aColleagueWithoutActivitySeesNoneOfAnotherTeachersNumbers() {
        Overview overview = as(a1, Role.TEACHER)
                .get()
                .uri("/api/reports?semester={s}", semester)
                .retrieve()
                .body(Overview.class);

        for (Table table : overview.reports()) {
            if (!List.of("usage-by-month", "contribution", "loans-by-month").contains(table.id())) {
                assertThat(table.rows()).as(table.id()).isEmpty();
            }
        }
        Table contribution = overview.reports().stream()
                .filter(t -> t.id().equals("contribution"))
                .findFirst()
                .orElseThrow();
        assertThat(contribution.row(a1.id()).orElseThrow().cells()).containsExactly(a1.name(), 0, 0, 0, 0, null);
    }

    @Test
    void aSchoolAdministratorSeesTheirSchoolOnly() {
        RestClient admin = as(a2, Role.SCHOOL_ADMIN);

        Table bySchool = report(admin, "usage-by-school");
        Table contribution = report(admin, "contribution");

        assertThat(bySchool.rows()).extracting(Row::key).containsExactly(a2.id().toString());
        assertThat(contribution.rows())
                .extracting(Row::key)
                .containsExactly(a2.id().toString());
        assertThat(report(admin, "usage-by-subject").rows())
                .extracting(Row::key)
                .containsExactly("CHINESE", "MATH");
    }

    @Test
    void anotherAlliancesAdministratorSeesNothingOfThisAlliance() {
        RestClient admin = as(b1, Role.ALLIANCE_ADMIN);

        Table bySchool = report(admin, "usage-by-school");

        assertThat(bySchool.rows()).extracting(Row::key).containsExactly(b1.id().toString());
        assertThat(bySchool.row(b1.id()).orElseThrow().cells()).containsExactly(b1.name(), 1, 2, 0);
        assertThat(report(admin, "most-used").rows()).extracting(Row::key).containsExactly(materialB1.toString());
        assertThat(report(admin, "contribution").rows())
                .extracting(Row::key)
                .containsExactly(b1.id().toString());
    }

    @Test
    void csvIsUtf8WithAByteOrderMarkAndReadsBackAsTheReport() {
        RestClient admin = as(a1, Role.ALLIANCE_ADMIN);

        byte[] csv = admin.get()
                .uri("/api/reports/usage-by-school.csv?semester={s}", semester)
                .retrieve()
                .body(byte[].class);

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = List.of(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines).containsExactly("学校,上传,查看,下载", a1.name() + ",1,4,2", a2.name() + ",1,4,2");
        String mostUsed = new String(
                admin.get()
                        .uri("/api/reports/most-used.csv?semester={s}", semester)
                        .retrieve()
                        .body(byte[].class),
                StandardCharsets.UTF_8);
        assertThat(mostUsed).contains("\r\n'=分数的初步认识").doesNotContain("\r\n=分数");
    }

    @Autowired
    List<org.lessoncommons.web.reports.ReportDefinition> definitions;

    @Test
    void xlsxReadsBackWithEveryReportAsASheetOfNumbers() throws Exception {
        byte[] xlsx = as(a1, Role.ALLIANCE_ADMIN)
                .get()
                .uri("/api/reports/export.xlsx?semester={s}", semester)
                .retrieve()
                .body(byte[].class);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet bySchool = workbook.getSheet("各校资源使用情况");
            assertThat(bySchool.getRow(0).getCell(0).getStringCellValue()).isEqualTo("学校");
            assertThat(bySchool.getRow(0).getCell(2).getStringCellValue()).isEqualTo("查看");
            assertThat(bySchool.getRow(1).getCell(0).getStringCellValue()).isEqualTo(a1.name());
            assertThat(bySchool.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(4.0);
            assertThat(bySchool.getRow(2).getCell(0).getStringCellValue()).isEqualTo(a2.name());
            assertThat(bySchool.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(2.0);
            Sheet contribution = workbook.getSheet("贡献与使用（共建共享）");
            assertThat(contribution.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(1.2);
            Sheet mostUsed = workbook.getSheet("使用最多的资源");
            assertThat(mostUsed.getRow(1).getCell(0).getStringCellValue()).startsWith("=分数的初步认识");
            assertThat(mostUsed.getRow(1).getCell(0).getCellType())
                    .isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(workbook.getNumberOfSheets()).isEqualTo(definitions.size());
        }
    }

    @Test
    void theAllianceReportHasOnePagePerSchoolWithItsChineseName() throws Exception {
        byte[] pdf = as(a1, Role.ALLIANCE_ADMIN)
                .get()
                .uri("/api/reports/alliance.pdf?semester={s}", semester)
                .retrieve()
                .body(byte[].class);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            String first = page(document, 1);
            String second = page(document, 2);
            assertThat(first).contains(a1.name(), "核心校", "资源共建共享考核报告", "被他校查看下载");
            assertThat(first).doesNotContain(a2.name());
            assertThat(second).contains(a2.name(), "成员校");
            assertThat(second).doesNotContain(a1.name());
        }
    }

    @Test
    void aSchoolAdministratorsReportHasTheirSchoolOnlyAndTeachersGetNone() throws Exception {
        byte[] pdf = as(a2, Role.SCHOOL_ADMIN)
                .get()
                .uri("/api/reports/alliance.pdf?semester={s}", semester)
                .retrieve()
                .body(byte[].class);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(page(document, 1)).contains(a2.name()).doesNotContain(a1.name());
        }
        assertThat(status(SignedIn.as(port, teacherA1), "/api/reports/alliance.pdf"))
                .isEqualTo(403);
        assertThat(status(as(a1, Role.ALLIANCE_ADMIN), "/api/reports/alliance.pdf?alliance=" + b1.allianceId()))
                .isEqualTo(403);
    }

    @Test
    void badRequestsGetProblemDetails() {
        RestClient teacher = SignedIn.as(port, teacherA1);

        var badSemester = teacher.get()
                .uri("/api/reports?semester=2026-3")
                .exchange((req, res) -> Map.entry(res.getStatusCode().value(), res.bodyTo(Map.class)));
        assertThat(badSemester.getKey()).isEqualTo(400);
        assertThat(badSemester.getValue()).containsEntry("field", "semester");
        assertThat(status(teacher, "/api/reports/no-such-report")).isEqualTo(404);
        assertThat(status(SignedIn.anonymous(port), "/api/reports")).isEqualTo(401);
        assertThat(status(teacher, "/reports?semester=abc")).isEqualTo(400);
    }

    @Test
    void thePageDrawsEachReportAsAnInlineSvgChart() {
        String page = as(a1, Role.ALLIANCE_ADMIN)
                .get()
                .uri("/reports?semester={s}", semester)
                .retrieve()
                .body(String.class);

        assertThat(page).contains("id=\"report-usage-by-school\"", "<svg", a1.name(), "id=\"export-pdf\"");
        assertThat(page).contains("=分数的初步认识").doesNotContain("<script");
        String teacherPage = SignedIn.as(port, teacherA1)
                .get()
                .uri("/reports?semester={s}", semester)
                .retrieve()
                .body(String.class);
        assertThat(teacherPage).contains("你本人的使用情况").doesNotContain("id=\"export-pdf\"", b1.name());
        String english = as(a1, Role.SCHOOL_ADMIN)
                .get()
                .uri("/reports?semester={s}&lang=en", semester)
                .retrieve()
                .body(String.class);
        assertThat(english).contains("Usage per school", "Contribution and use", "Your school");
    }

    private Map<String, Long> rawCounts(List<UUID> actorSchools) {
        return jdbc
                .sql("""
                        SELECT kind, count(*) AS n FROM usage_event
                        WHERE actor_school_id IN (:schools) GROUP BY kind
                        """)
                .param("schools", actorSchools)
                .query((rs, row) -> Map.entry(rs.getString("kind"), rs.getLong("n")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Table report(RestClient http, String id) {
        return http.get()
                .uri("/api/reports/{id}?semester={s}", id, semester)
                .retrieve()
                .body(Table.class);
    }

    private RestClient as(School school, Role role) {
        return SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, school, role));
    }

    private static String page(PDDocument document, int page) throws java.io.IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    private static int status(RestClient http, String uri) {
        return http.get().uri(uri).exchange((req, res) -> res.getStatusCode().value());
    }

    private static void ok(RestClient.RequestHeadersSpec<?> request) {
        HttpStatusCode status = request.exchange((req, res) -> res.getStatusCode());
        assertThat(status).isEqualTo(HttpStatus.OK);
    }

    private static void repeat(int times, Runnable request) {
        for (int i = 0; i < times; i++) {
            request.run();
        }
    }

    private static UUID upload(RestClient http, String title, String subject, String grade) {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource(("教学设计：" + title).getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "教学设计.txt";
            }
        });
        form.add("title", title);
        form.add("subject", subject);
        form.add("grade", grade);
        form.add("resourceType", "教案");
        form.add("sharing", "ALLIANCE");
        return http.post()
                .uri("/api/materials")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve()
                .body(Created.class)
                .id();
    }

    /** The semester of today in China; August, between semesters, cannot hold today's events. */
    private static String currentSemester() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assumeThat(today.getMonth()).isNotEqualTo(Month.AUGUST);
        if (today.getMonthValue() >= 9) {
            return today.getYear() + "-1";
        }
        return today.getMonthValue() == 1 ? (today.getYear() - 1) + "-1" : (today.getYear() - 1) + "-2";
    }
}
