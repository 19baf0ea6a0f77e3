package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BrowseIntegrationTests {

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

    School school;
    School neighbour;
    RestClient teacher;
    RestClient colleague;
    RestClient outsider;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ref(UUID id, String title) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Popular(Ref material, long downloads) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SchoolCount(UUID id, String name, long materials) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Home(List<Ref> newest, List<Popular> popular, List<SchoolCount> schools) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SchoolPage(long total, List<Ref> hits) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Mine(UUID id, String deletedAt) {}

    @BeforeEach
    void setUp() {
        Alliance alliance = alliances.save(Alliance.named("浏览联盟 " + UUID.randomUUID()));
        school = schools.save(School.of(alliance, "城南小学 " + UUID.randomUUID(), School.Membership.CORE));
        neighbour = schools.save(School.of(alliance, "城北中学 " + UUID.randomUUID(), School.Membership.MEMBER));
        School elsewhere = schools.save(School.of(
                alliances.save(Alliance.named("别的联盟 " + UUID.randomUUID())),
                "外盟小学 " + UUID.randomUUID(),
                School.Membership.CORE));
        teacher = SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, school, Role.TEACHER));
        colleague = SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, neighbour, Role.TEACHER));
        outsider = SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, elsewhere, Role.TEACHER));
    }

    @Test
    void theHomeShowsTheNewestTheMostDownloadedAndEverySchoolWithWhatTheViewerMaySee() {
        Uploaded poem = Uploaded.file(teacher, Fixtures.path("静夜思-教案.docx"), "CHINESE", "GRADE_1", "LESSON_PLAN")
                .awaitIndexed(teacher);
        Uploaded secret = Uploaded.file(
                        teacher, Fixtures.path("浮力-试卷.pdf"), "PHYSICS", "GRADE_8", "TEST_PAPER", "sharing", "PRIVATE")
                .awaitIndexed(teacher);
        colleague.get().uri("/api/materials/{id}/file", poem.id()).retrieve().toBodilessEntity();
        colleague.get().uri("/api/materials/{id}/file", poem.id()).retrieve().toBodilessEntity();
        teacher.get().uri("/api/materials/{id}/file", secret.id()).retrieve().toBodilessEntity();

        Home home = colleague.get().uri("/api/home").retrieve().body(Home.class);

        assertThat(home.newest()).extracting(Ref::id).containsExactly(poem.id());
        assertThat(home.popular())
                .extracting(p -> p.material().id(), Popular::downloads)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(poem.id(), 2L));
        assertThat(home.schools())
                .extracting(SchoolCount::name, SchoolCount::materials)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(school.name(), 1L),
                        org.assertj.core.groups.Tuple.tuple(neighbour.name(), 0L));
        Home own = teacher.get().uri("/api/home").retrieve().body(Home.class);
        assertThat(own.popular()).extracting(p -> p.material().id()).containsExactly(poem.id(), secret.id());
        assertThat(outsider.get().uri("/api/home").retrieve().body(Home.class).newest())
                .extracting(Ref::id)
                .doesNotContain(poem.id(), secret.id());
        String page = colleague.get().uri("/home").retrieve().body(String.class);
        assertThat(page).contains("静夜思-教案", school.name()).doesNotContain("浮力");
    }

    @Test
    void myUploadsListOnlyMineDeletedOnesToo() {
        Uploaded mine = Uploaded.file(teacher, Fixtures.path("静夜思-教案.docx"), "CHINESE", "GRADE_1", "LESSON_PLAN");
        Uploaded gone = Uploaded.file(teacher, Fixtures.path("浮力-试卷.pdf"), "PHYSICS", "GRADE_8", "TEST_PAPER");
        Uploaded theirs = Uploaded.file(colleague, Fixtures.path("光合作用-课件.pptx"), "BIOLOGY", "GRADE_7", "COURSEWARE");
        teacher.delete().uri("/api/materials/{id}", gone.id()).retrieve().toBodilessEntity();

        List<Mine> listed =
                List.of(teacher.get().uri("/api/me/materials").retrieve().body(Mine[].class));

        assertThat(listed)
                .extracting(Mine::id)
                .containsExactly(gone.id(), mine.id())
                .doesNotContain(theirs.id());
        assertThat(listed.getFirst().deletedAt()).isNotNull();
        assertThat(teacher.get().uri("/mine").retrieve().body(String.class)).contains("静夜思-教案", "已删除");
    }

    @Test
    void aSchoolPageShowsWhatItContributedAndIsNotFoundFromAnotherAlliance() {
        Uploaded poem = Uploaded.file(teacher, Fixtures.path("静夜思-教案.docx"), "CHINESE", "GRADE_1", "LESSON_PLAN")
                .awaitIndexed(teacher);

        SchoolPage page = colleague
                .get()
                .uri("/api/schools/{id}/materials", school.id())
                .retrieve()
                .body(SchoolPage.class);
        ResponseEntity<String> refused = outsider.get()
                .uri("/api/schools/{id}/materials", school.id())
                .retrieve()
                .onStatus(s -> true, (request, response) -> {})
                .toEntity(String.class);
        ResponseEntity<String> refusedPage = outsider.get()
                .uri("/schools/{id}", school.id())
                .retrieve()
                .onStatus(s -> true, (request, response) -> {})
                .toEntity(String.class);

        assertThat(page.total()).isEqualTo(1);
        assertThat(page.hits()).extracting(Ref::id).containsExactly(poem.id());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refusedPage.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refusedPage.getBody()).doesNotContain(school.name());
        assertThat(colleague.get().uri("/schools/{id}", school.id()).retrieve().body(String.class))
                .contains(school.name(), "静夜思-教案");
    }

    @Test
    void theSameFileTwiceFromOneSchoolIsRefusedWithALinkToTheCopyItHas() {
        Uploaded first = Uploaded.file(teacher, Fixtures.path("浮力-试卷.pdf"), "PHYSICS", "GRADE_8", "TEST_PAPER");
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new FileSystemResource(Fixtures.path("浮力-试卷.pdf")));
        form.add("subject", "PHYSICS");
        form.add("grade", "GRADE_8");
        form.add("resourceType", "TEST_PAPER");

        ResponseEntity<String> api = teacher.post()
                .uri("/api/materials")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve()
                .onStatus(s -> true, (request, response) -> {})
                .toEntity(String.class);
        ResponseEntity<String> page = teacher.post()
                .uri("/upload")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve()
                .onStatus(s -> true, (request, response) -> {})
                .toEntity(String.class);

        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.getBody()).contains("\"existingUrl\":\"/materials/" + first.id() + "\"");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(page.getBody()).contains("id=\"existing-copy\"", "href=\"/materials/" + first.id() + "\"");
        assertThat(Uploaded.file(colleague, Fixtures.path("浮力-试卷.pdf"), "PHYSICS", "GRADE_8", "TEST_PAPER")
                        .id())
                .isNotEqualTo(first.id());
    }
}
