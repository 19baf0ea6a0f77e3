package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lessoncommons.ingest.lending.CatalogIndexing;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.lending.Copy;
import org.lessoncommons.storage.lending.Holdings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/** The lending pages as a browser uses them: forms with CSRF tokens, redirects, readable errors. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LendingPagesIntegrationTests {

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

    LendingWorld world;
    Copy copy;
    RestClient teacher;
    RestClient desk;

    @BeforeEach
    void library() {
        world = new LendingWorld(port, alliances, schools, accounts, encoder, holdings, indexing);
        copy = world.book(
                world.a1, "草房子", "曹文轩", "CFZ-" + UUID.randomUUID().toString().substring(0, 6));
        teacher = world.as(world.a2, Role.TEACHER);
        desk = world.as(world.a1, Role.SCHOOL_ADMIN);
    }

    @Test
    void aTeacherFindsABookRequestsItAndTheDeskHandsItOver() {
        String catalog = page(teacher, "/lending?q=草房子");
        assertThat(catalog).contains("草房子", "可借 1 / 共 1 册", "id=\"facet-kind\"", world.a1.name());

        String title = page(teacher, "/lending/titles/" + copy.titleId());
        assertThat(title).contains(copy.barcode(), "申请借阅", "/lending/copies/" + copy.id() + "/request");

        ResponseEntity<String> requested = form(teacher, "/lending/copies/" + copy.id() + "/request");
        assertThat(requested.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(requested.getHeaders().getLocation().toString()).endsWith("/lending/mine?requested");
        assertThat(page(teacher, "/lending/mine?requested")).contains("草房子", "已申请", "已提交借阅申请");

        String deskPage = page(desk, "/lending/desk");
        assertThat(deskPage).contains("待审批的申请", "草房子", "/approve", "催还提醒", "导入本校藏书和器材");
        String loanId = between(deskPage, "/lending/loans/", "/approve");
        ResponseEntity<String> out = form(desk, "/lending/loans/" + loanId + "/checkout?back=desk");
        assertThat(out.getHeaders().getLocation().toString()).contains("/lending/desk?done=checkout");
        assertThat(page(teacher, "/lending/mine")).contains("已借出", "续借");
    }

    @Test
    void aCopySomeoneHasIsAReadableConflictPageAndTheTitleOffersAHold() {
        form(world.as(world.a1, Role.TEACHER), "/lending/copies/" + copy.id() + "/request");

        ResponseEntity<String> second = form(teacher, "/lending/copies/" + copy.id() + "/request");

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML))
                .isTrue();
        assertThat(second.getBody()).contains("已被别人申请或借走");
        assertThat(page(teacher, "/lending/titles/" + copy.titleId())).contains("id=\"place-hold\"");
        assertThat(form(teacher, "/lending/titles/" + copy.titleId() + "/hold")
                        .getHeaders()
                        .getLocation()
                        .toString())
                .endsWith("/lending/mine?held");
        assertThat(page(teacher, "/lending/mine")).contains("排队中", "第 1 位");
    }

    @Test
    void teachersHaveNoDeskPageAndTheDeskImportsASheetShowingEachBadRow() {
        ResponseEntity<String> teacherDesk = teacher.get()
                .uri("/lending/desk")
                .retrieve()
                .onStatus(s -> true, (q, r) -> {})
                .toEntity(String.class);
        assertThat(teacherDesk.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(teacherDesk.getBody()).contains("管理员");

        var file = new LinkedMultiValueMap<String, Object>();
        byte[] csv = "书名,作者,条码\n稻草人,叶圣陶,P-1\n,无名,P-2\n".getBytes(StandardCharsets.UTF_8);
        file.add("file", new ByteArrayResource(csv) {
            @Override
            public String getFilename() {
                return "藏书.csv";
            }
        });
        String report = desk.post()
                .uri("/lending/desk/import")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(file)
                .retrieve()
                .body(String.class);

        assertThat(report).contains("已添加 1 册，1 行未导入", "第 3 行：“书名/名称” 不能为空");
    }

    @Test
    void theDeskMovesACopyToAnotherSchoolAndTheTitlePageShowsItsJourney() {
        ResponseEntity<String> moved = desk.post()
                .uri("/lending/copies/" + copy.id() + "/transfer")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(SignedIn.form("toSchoolId", world.a2.id().toString(), "note", "开学季漂流"))
                .retrieve()
                .onStatus(status -> true, (request, response) -> {})
                .toEntity(String.class);

        assertThat(moved.getHeaders().getLocation().toString()).endsWith("?moved");
        assertThat(page(teacher, "/lending/titles/" + copy.titleId()))
                .contains("漂流记录", world.a1.name() + " → " + world.a2.name(), "开学季漂流");
    }

    @Test
    void thePagesSpeakEnglishToo() {
        assertThat(page(teacher, "/lending?lang=en")).contains("Books and equipment", "Owning school");
    }

    private static String page(RestClient http, String uri) {
        return http.get().uri(uri).retrieve().body(String.class);
    }

    private static ResponseEntity<String> form(RestClient http, String uri) {
        return http.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(new LinkedMultiValueMap<String, String>())
                .retrieve()
                .onStatus(status -> true, (request, response) -> {})
                .toEntity(String.class);
    }

    private static String between(String text, String before, String after) {
        int end = text.indexOf(after);
        int start = text.lastIndexOf(before, end) + before.length();
        return text.substring(start, end);
    }
}
