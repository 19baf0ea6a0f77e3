package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static org.lessoncommons.web.LendingWorld.post;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
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
import org.lessoncommons.ingest.lending.CatalogIndexing;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.lending.Copy;
import org.lessoncommons.storage.lending.Holdings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.client.RestClient;

/**
 * Loans made through the lending API (alliance A: school A1 core, owns four books; A2, owns one;
 * alliance B: B1, owns one) are summed by the lending reports exactly, each role seeing its part.
 *
 * <p>Loans, all checked out today: ① A2 teacher T2 borrows 草房子 #1 of A1, returns it after its due
 * day; ② A2 teacher T2b borrows 草房子 #2 of A1 and keeps it past its due day; ③ A1 teacher T1
 * borrows 红岩 of A2 (out, on time); ④ T1 borrows 城南旧事 of A1 and returns it on time; ⑤ T2 borrows
 * 草房子 #1 again and returns it on time; ⑥ B1's teacher borrows B1's 浮士德 (out, on time). T2's
 * request for 边城 of A1 is rejected: 边城 was never lent.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoanReportsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Alliances alliances;

    @Autowired
    Schools schools;

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Holdings holdings;

    @Autowired
    CatalogIndexing indexing;

    @Autowired
    JdbcClient jdbc;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Row(String key, List<Object> cells) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Table(String id, String title, List<Row> rows) {

        Optional<Row> row(Object key) {
            return rows.stream().filter(r -> r.key().equals(key.toString())).findFirst();
        }

        List<Object> cells(Object key) {
            return row(key).orElseThrow(() -> new AssertionError(id + " has no row " + key))
                    .cells();
        }

        long total(int column) {
            return rows.stream()
                    .mapToLong(r -> ((Number) r.cells().get(column)).longValue())
                    .sum();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Overview(String reach, List<Table> reports) {

        Table report(String id) {
            return reports.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
        }
    }

    String semester;
    LendingWorld world;
    School a1;
    School a2;
    School b1;
    Account teacherA2;
    Account teacherA1;
    Account teacherB1;
    Copy caofangzi;
    Copy chengnan;
    Copy hongyan;
    Copy faust;

    @BeforeAll
    void loans() {
        semester = currentSemester();
        world = new LendingWorld(port, alliances, schools, accounts, encoder, holdings, indexing);
        a1 = world.a1;
        a2 = world.a2;
        b1 = world.b1;
        caofangzi = world.book(a1, "草房子", "曹文轩", "CFZ-1");
        Copy caofangzi2 = world.book(a1, "草房子", "曹文轩", "CFZ-2");
        chengnan = world.book(a1, "城南旧事", "林海音", "CNJS-1");
        Copy biancheng = world.book(a1, "边城", "沈从文", "BC-1");
        hongyan = world.book(a2, "红岩", "罗广斌", "HY-1");
        faust = world.book(b1, "浮士德", "歌德", "FSD-1");
        RestClient deskA1 = world.as(a1, Role.SCHOOL_ADMIN);
        RestClient deskA2 = world.as(a2, Role.SCHOOL_ADMIN);
        RestClient deskB1 = world.as(b1, Role.SCHOOL_ADMIN);
        teacherA2 = world.account(a2, Role.TEACHER);
        teacherA1 = world.account(a1, Role.TEACHER);
        teacherB1 = world.account(b1, Role.TEACHER);
        RestClient t2 = world.as(teacherA2);
        RestClient t2b = world.as(a2, Role.TEACHER);
        RestClient t1 = world.as(teacherA1);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        UUID late = checkedOut(t2, deskA1, caofangzi);
        returned(deskA1, late);
        dueOn(late, today.minusDays(2));
        UUID kept = checkedOut(t2b, deskA1, caofangzi2);
        dueOn(kept, today.minusDays(3));
        checkedOut(t1, deskA2, hongyan);
        returned(deskA1, checkedOut(t1, deskA1, chengnan));
        returned(deskA1, checkedOut(t2, deskA1, caofangzi));
        checkedOut(world.as(teacherB1), deskB1, faust);
        UUID refused =
                post(t2, "/api/lending/loans", Map.of("copyId", biancheng.id())).id();
        assertThat(post(deskA1, "/api/lending/loans/{id}/reject", Map.of(), refused)
                        .body()
                        .get("loan"))
                .asInstanceOf(MAP)
                .containsEntry("state", "REJECTED");
    }

    @Test
    void loansPerSchoolAndMonthReconcileWithTheLoansCheckedOut() {
        RestClient admin = world.as(a1, Role.ALLIANCE_ADMIN);

        Table bySchool = report(admin, "loans-by-school");
        Table byMonth = report(admin, "loans-by-month");

        long lentInAlliance = jdbc.sql("""
                        SELECT count(*) FROM lending_loan l JOIN lending_copy c ON c.id = l.copy_id
                        WHERE c.owner_school_id IN (:schools) AND l.checked_out_at IS NOT NULL
                        """)
                .param("schools", List.of(a1.id(), a2.id()))
                .query(Long.class)
                .single();
        assertThat(lentInAlliance).isEqualTo(5);
        assertThat(bySchool.rows())
                .extracting(Row::key)
                .containsExactly(a1.id().toString(), a2.id().toString());
        assertThat(bySchool.cells(a1.id())).containsExactly(a1.name(), 2, 4);
        assertThat(bySchool.cells(a2.id())).containsExactly(a2.name(), 3, 1);
        assertThat(bySchool.total(1)).isEqualTo(lentInAlliance);
        assertThat(bySchool.total(2)).isEqualTo(lentInAlliance);
        assertThat(byMonth.rows()).hasSize(semester.endsWith("-1") ? 5 : 6);
        assertThat(byMonth.total(1)).isEqualTo(lentInAlliance);
        assertThat(byMonth.total(2)).as("loans to another school").isEqualTo(4);
    }

    @Test
    void topTitlesNeverBorrowedAndOverdueRate() {
        RestClient admin = world.as(a2, Role.ALLIANCE_ADMIN);

        Table top = report(admin, "loans-top-titles");
        Table idle = report(admin, "loans-never-borrowed");
        Table overdue = report(admin, "loans-overdue-rate");

        assertThat(top.rows().getFirst().key()).isEqualTo(caofangzi.titleId().toString());
        assertThat(top.cells(caofangzi.titleId())).containsExactly("草房子", "图书", 2, 3);
        assertThat(top.rows())
                .extracting(Row::key)
                .containsExactlyInAnyOrder(
                        caofangzi.titleId().toString(),
                        chengnan.titleId().toString(),
                        hongyan.titleId().toString());
        assertThat(idle.rows())
                .extracting(Row::key)
                .containsExactly(a1.id().toString(), a2.id().toString());
        assertThat(idle.cells(a1.id())).containsExactly(a1.name(), 4, 1, 0.25);
        assertThat(idle.cells(a2.id())).containsExactly(a2.name(), 1, 0, 0.0);
        assertThat(overdue.cells(a1.id())).containsExactly(a1.name(), 4, 1, 1, 0.5);
        assertThat(overdue.cells(a2.id())).containsExactly(a2.name(), 1, 0, 0, 0.0);
    }

    @Test
    void aTeacherSeesOnlyTheirOwnLoans() {
        Overview overview = overview(world.as(teacherA2));

        assertThat(overview.reach()).isEqualTo("OWN");
        assertThat(overview.report("loans-by-school").cells(a2.id())).containsExactly(a2.name(), 2, 0);
        assertThat(overview.report("loans-by-school").cells(a1.id())).containsExactly(a1.name(), 0, 2);
        assertThat(overview.report("loans-by-month").total(1)).isEqualTo(2);
        assertThat(overview.report("loans-top-titles").rows())
                .extracting(Row::key)
                .containsExactly(caofangzi.titleId().toString());
        assertThat(overview.report("loans-overdue-rate").cells(a1.id())).containsExactly(a1.name(), 2, 1, 0, 0.5);
        assertThat(overview.report("loans-never-borrowed").rows())
                .extracting(Row::key)
                .containsExactly(a2.id().toString());
        assertThat(keys(overview))
                .doesNotContain(b1.id().toString(), faust.titleId().toString());

        Overview other = overview(world.as(teacherB1));
        assertThat(other.report("loans-by-school").rows())
                .extracting(Row::key)
                .containsExactly(b1.id().toString());
        assertThat(other.report("loans-by-school").cells(b1.id())).containsExactly(b1.name(), 1, 1);
        assertThat(keys(other))
                .doesNotContain(
                        a1.id().toString(),
                        a2.id().toString(),
                        caofangzi.titleId().toString(),
                        hongyan.titleId().toString());
        Overview colleague = overview(world.as(a1, Role.TEACHER));
        assertThat(colleague.report("loans-by-school").rows()).isEmpty();
        assertThat(colleague.report("loans-top-titles").rows()).isEmpty();
        assertThat(colleague.report("loans-overdue-rate").rows()).isEmpty();
    }

    @Test
    void aSchoolAdministratorSeesTheLoansOfTheirSchoolAsBorrowerOrLender() {
        RestClient admin = world.as(a2, Role.SCHOOL_ADMIN);

        Table bySchool = report(admin, "loans-by-school");

        // ④, within A1, is none of A2's business.
        assertThat(bySchool.cells(a2.id())).containsExactly(a2.name(), 3, 1);
        assertThat(bySchool.cells(a1.id())).containsExactly(a1.name(), 1, 3);
        assertThat(report(admin, "loans-top-titles").rows())
                .extracting(Row::key)
                .doesNotContain(chengnan.titleId().toString());
        assertThat(report(admin, "loans-never-borrowed").rows())
                .extracting(Row::key)
                .containsExactly(a2.id().toString());
        assertThat(report(admin, "loans-overdue-rate").cells(a1.id())).containsExactly(a1.name(), 3, 1, 1, 0.67);
        Table otherAlliance = report(world.as(b1, Role.ALLIANCE_ADMIN), "loans-by-school");
        assertThat(otherAlliance.rows())
                .extracting(Row::key)
                .containsExactly(b1.id().toString());
    }

    @Test
    void aSystemAdministratorSeesEveryAlliance() {
        Overview overview = overview(world.as(a1, Role.SYSTEM_ADMIN));

        assertThat(overview.reach()).isEqualTo("ALL");
        Table bySchool = overview.report("loans-by-school");
        assertThat(bySchool.cells(a1.id())).containsExactly(a1.name(), 2, 4);
        assertThat(bySchool.cells(a2.id())).containsExactly(a2.name(), 3, 1);
        assertThat(bySchool.cells(b1.id())).containsExactly(b1.name(), 1, 1);
        assertThat(bySchool.total(1)).isEqualTo(bySchool.total(2));
    }

    @Test
    void csvAndXlsxCarryTheLoanReports() throws Exception {
        RestClient admin = world.as(a1, Role.ALLIANCE_ADMIN);

        byte[] csv = admin.get()
                .uri("/api/reports/loans-by-school.csv?semester={s}", semester)
                .retrieve()
                .body(byte[].class);
        List<String> lines = List.of(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines).containsExactly("学校,本校教师借入,本校馆藏借出", a1.name() + ",2,4", a2.name() + ",3,1");

        byte[] xlsx = admin.get()
                .uri("/api/reports/export.xlsx?semester={s}", semester)
                .retrieve()
                .body(byte[].class);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet overdue = workbook.getSheet("各出借学校逾期率");
            assertThat(overdue.getRow(0).getCell(4).getStringCellValue()).isEqualTo("逾期率");
            assertThat(overdue.getRow(1).getCell(0).getStringCellValue()).isEqualTo(a1.name());
            assertThat(overdue.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(4.0);
            assertThat(overdue.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(0.5);
            Sheet top = workbook.getSheet("借阅最多的图书与器材");
            assertThat(top.getRow(1).getCell(0).getStringCellValue()).isEqualTo("草房子");
            assertThat(top.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(3.0);
            assertThat(workbook.getSheet("各校借阅情况（借入与借出）")).isNotNull();
            assertThat(workbook.getSheet("每月借阅量")).isNotNull();
            assertThat(workbook.getSheet("从未借出的馆藏（按所属学校）").getRow(1).getCell(2).getNumericCellValue())
                    .isEqualTo(1.0);
        }
    }

    @Test
    void eachSchoolsPageOfTheAllianceReportShowsItsLoans() throws Exception {
        byte[] pdf = world.as(a1, Role.ALLIANCE_ADMIN)
                .get()
                .uri("/api/reports/alliance.pdf?semester={s}", semester)
                .retrieve()
                .body(byte[].class);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            String first = page(document, 1);
            String second = page(document, 2);
            assertThat(first).contains(a1.name());
            assertThat(first).containsPattern("本校馆藏借出次数\\s*4").containsPattern("本校教师借入次数\\s*2");
            assertThat(first).containsPattern("本校出借逾期率\\s*50%");
            assertThat(second).contains(a2.name());
            assertThat(second).containsPattern("本校馆藏借出次数\\s*1").containsPattern("本校教师借入次数\\s*3");
            assertThat(second).containsPattern("本校出借逾期率\\s*0%");
        }
    }

    @Test
    void thePageDrawsTheLoanReportsInEitherLanguage() {
        String page = world.as(a1, Role.SCHOOL_ADMIN)
                .get()
                .uri("/reports?semester={s}", semester)
                .retrieve()
                .body(String.class);
        String english = world.as(a1, Role.SCHOOL_ADMIN)
                .get()
                .uri("/reports?semester={s}&lang=en", semester)
                .retrieve()
                .body(String.class);

        assertThat(page).contains("id=\"report-loans-by-school\"", "各出借学校逾期率", "草房子", "<svg");
        assertThat(english).contains("Loans per school", "Overdue rate per lending school", "Items never borrowed");
    }

    @Test
    void anUnknownSemesterIsAProblemDetail() {
        var answer = world.as(teacherA1)
                .get()
                .uri("/api/reports/loans-by-school?semester=2026-9")
                .exchange((req, res) -> Map.entry(res.getStatusCode().value(), res.bodyTo(Map.class)));

        assertThat(answer.getKey()).isEqualTo(400);
        assertThat(answer.getValue()).containsEntry("field", "semester");
    }

    private Overview overview(RestClient http) {
        return http.get().uri("/api/reports?semester={s}", semester).retrieve().body(Overview.class);
    }

    private Table report(RestClient http, String id) {
        return http.get()
                .uri("/api/reports/{id}?semester={s}", id, semester)
                .retrieve()
                .body(Table.class);
    }

    private static List<String> keys(Overview overview) {
        return overview.reports().stream()
                .filter(t -> t.id().startsWith("loans-"))
                .flatMap(t -> t.rows().stream())
                .map(Row::key)
                .collect(Collectors.toList());
    }

    private static UUID checkedOut(RestClient borrower, RestClient desk, Copy copy) {
        UUID loan = post(borrower, "/api/lending/loans", Map.of("copyId", copy.id()))
                .id();
        assertThat(post(desk, "/api/lending/loans/{id}/checkout", Map.of(), loan)
                        .string("state"))
                .isEqualTo("CHECKED_OUT");
        return loan;
    }

    private static void returned(RestClient desk, UUID loan) {
        assertThat(post(desk, "/api/lending/loans/{id}/return", Map.of(), loan).status())
                .isEqualTo(HttpStatus.OK);
    }

    /** Moves a loan's due day into the past: the time it ran. */
    private void dueOn(UUID loan, LocalDate due) {
        assertThat(jdbc.sql("UPDATE lending_loan SET due_on = :due WHERE id = :id")
                        .param("due", due)
                        .param("id", loan)
                        .update())
                .isEqualTo(1);
    }

    private static String page(PDDocument document, int page) throws java.io.IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    private static String currentSemester() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assumeThat(today.getMonth()).isNotEqualTo(Month.AUGUST);
        if (today.getMonthValue() >= 9) {
            return today.getYear() + "-1";
        }
        return today.getMonthValue() == 1 ? (today.getYear() - 1) + "-1" : (today.getYear() - 1) + "-2";
    }
}
