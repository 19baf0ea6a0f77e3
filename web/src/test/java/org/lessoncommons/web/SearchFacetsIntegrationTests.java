package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.School.Membership;
import org.lessoncommons.storage.Schools;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchFacetsIntegrationTests {

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

    /** A teacher of the alliance: sees the alliance's materials, and only those. */
    RestClient teacher;

    RestClient outsider;
    School experimental;
    School middle;
    Uploaded poem;
    Uploaded fractions;
    Uploaded photosynthesis;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hit(String id, String kind, SchoolRef school) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SchoolRef(String id, String name) {}

    record Chip(
            String facet,
            String code,
            String label,
            @Nullable String words) {}

    record Value(String code, String label, long count, boolean selected) {}

    record Group(@Nullable String stage, long count, List<Value> values) {}

    record Facet(String facet, List<Group> groups) {

        Value value(String code) {
            return groups.stream()
                    .flatMap(g -> g.values().stream())
                    .filter(v -> v.code().equals(code))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No facet value " + code + " in " + this));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Results(
            long total,
            int page,
            int totalPages,
            String scoredText,
            List<Hit> hits,
            List<Chip> chips,
            List<Facet> facets) {

        Facet facet(String name) {
            return facets.stream()
                    .filter(f -> f.facet().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No facet " + name));
        }
    }

    @BeforeAll
    void uploadThreeMaterialsFromTwoSchools() {
        Alliance alliance = alliances.save(Alliance.named("检索联盟 " + UUID.randomUUID()));
        experimental = schools.save(School.of(alliance, "实验小学 " + UUID.randomUUID(), Membership.CORE));
        middle = schools.save(School.of(alliance, "第一中学 " + UUID.randomUUID(), Membership.MEMBER));
        Alliance other = alliances.save(Alliance.named("别的联盟 " + UUID.randomUUID()));
        School elsewhere = schools.save(School.of(other, "外盟小学 " + UUID.randomUUID(), Membership.CORE));
        RestClient admin =
                SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, experimental, Role.ALLIANCE_ADMIN));
        teacher = SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, middle, Role.TEACHER));
        outsider = SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, elsewhere, Role.TEACHER));
        poem = Uploaded.file(admin, Fixtures.path("静夜思-教案.docx"), "CHINESE", "GRADE_1", "LESSON_PLAN")
                .awaitIndexed(admin);
        fractions = Uploaded.file(admin, Fixtures.path("分数的初步认识-教案.pdf"), "MATH", "GRADE_3", "LESSON_PLAN")
                .awaitIndexed(admin);
        photosynthesis = Uploaded.file(
                        admin,
                        Fixtures.path("光合作用-课件.pptx"),
                        "BIOLOGY",
                        "GRADE_7",
                        "COURSEWARE",
                        "schoolId",
                        middle.id().toString())
                .awaitIndexed(admin);
    }

    @Test
    void facetsCountEveryValueWithGradesGroupedByStage() {
        Results all = search("");

        assertThat(all.total()).isEqualTo(3);
        assertThat(all.facet("grade").groups())
                .extracting(Group::stage, Group::count)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PRIMARY", 2L),
                        org.assertj.core.groups.Tuple.tuple("JUNIOR_HIGH", 1L));
        assertThat(all.facet("grade").groups().getFirst().values())
                .extracting(Value::code)
                .containsExactly("GRADE_1", "GRADE_3");
        assertThat(all.facet("type").value("LESSON_PLAN").count()).isEqualTo(2);
        assertThat(all.facet("type").value("COURSEWARE").count()).isEqualTo(1);
        assertThat(all.facet("school").value(middle.id().toString()).label()).isEqualTo(middle.name());
        assertThat(all.facet("subject").value("MATH").label()).isEqualTo("数学");
        assertThat(all.hits()).extracting(Hit::kind).containsExactlyInAnyOrder("word", "pdf", "slides");
    }

    @Test
    void aSelectedValueBecomesAChipAndTheOtherValuesKeepTheirCounts() {
        Results lessonPlans = search("type=教案");

        assertThat(lessonPlans.total()).isEqualTo(2);
        assertThat(lessonPlans.facet("type").value("LESSON_PLAN").selected()).isTrue();
        assertThat(lessonPlans.facet("type").value("COURSEWARE").count()).isEqualTo(1);
        assertThat(lessonPlans.facet("grade").groups()).extracting(Group::stage).containsExactly("PRIMARY");
        assertThat(lessonPlans.chips()).containsExactly(new Chip("type", "LESSON_PLAN", "教案", null));
        assertThat(search("grade=GRADE_1&grade=GRADE_7").hits())
                .extracting(Hit::id)
                .containsExactlyInAnyOrder(
                        poem.id().toString(), photosynthesis.id().toString());
    }

    @Test
    void gradeWordsInTheTextBecomeAChipAndAreTakenOutOfTheScoredText() {
        Results results = search("q=三年级 分数");

        assertThat(results.chips()).containsExactly(new Chip("grade", "GRADE_3", "三年级", "三年级"));
        assertThat(results.scoredText()).isEqualTo("分数");
        assertThat(results.hits())
                .extracting(Hit::id)
                .containsExactly(fractions.id().toString());
    }

    @Test
    void semesterAndEditionReadFromTheTextAreFacetsAndUnderstoodInTheQuery() {
        Results all = search("");
        Results firstTerm = search("q=上册 分数");

        assertThat(all.facet("semester").value("FIRST_TERM").label()).isEqualTo("上册");
        assertThat(all.facet("edition").value("PEP").label()).isEqualTo("人教版");
        assertThat(firstTerm.chips()).containsExactly(new Chip("semester", "FIRST_TERM", "上册", "上册"));
        assertThat(firstTerm.hits())
                .extracting(Hit::id)
                .containsExactly(fractions.id().toString());
        assertThat(search("semester=下册").hits())
                .extracting(Hit::id)
                .doesNotContain(fractions.id().toString());
    }

    @Test
    void sortsNewestFirstAndPages() {
        Results second = search("sort=newest&size=1&page=1");

        assertThat(second.totalPages()).isEqualTo(3);
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.hits())
                .extracting(Hit::id)
                .containsExactly(fractions.id().toString());
        assertThat(search("sort=newest&size=1").hits())
                .extracting(Hit::id)
                .containsExactly(photosynthesis.id().toString());
    }

    @Autowired
    org.lessoncommons.ingest.Reindexing reindexing;

    @Test
    void mostDownloadedFirstCountsRealDownloadsAndSurvivesARebuild() {
        for (Uploaded material : List.of(poem, poem, fractions)) {
            teacher.get()
                    .uri("/api/materials/{id}/file", material.id())
                    .retrieve()
                    .toBodilessEntity();
        }

        assertThat(search("sort=downloads").hits())
                .extracting(Hit::id)
                .containsExactly(
                        poem.id().toString(),
                        fractions.id().toString(),
                        photosynthesis.id().toString());
        reindexing.rebuild();
        assertThat(search("sort=downloads").hits())
                .extracting(Hit::id)
                .containsExactly(
                        poem.id().toString(),
                        fractions.id().toString(),
                        photosynthesis.id().toString());
    }

    @Test
    void anUnknownSortOrValueIsAProblemNamingTheField() {
        ResponseEntity<String> sort = teacher.get()
                .uri("/api/search?sort=cheapest")
                .retrieve()
                .onStatus(s -> true, (request, response) -> {})
                .toEntity(String.class);
        ResponseEntity<String> size = teacher.get()
                .uri("/api/search?size=0")
                .retrieve()
                .onStatus(s -> true, (request, response) -> {})
                .toEntity(String.class);

        assertThat(sort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(sort.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(sort.getBody()).contains("\"field\":\"sort\"");
        assertThat(size.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aTeacherOfAnotherAllianceSeesNeitherHitsNorCounts() {
        Results seen = outsider.get().uri("/api/search?q=分数").retrieve().body(Results.class);
        Results browsed = outsider.get()
                .uri("/api/search?school=" + experimental.id())
                .retrieve()
                .body(Results.class);

        assertThat(seen.hits())
                .extracting(Hit::id)
                .doesNotContain(fractions.id().toString());
        assertThat(browsed.total()).isZero();
        assertThat(browsed.facets())
                .flatExtracting(Facet::groups)
                .flatExtracting(Group::values)
                .filteredOn(v -> v.count() > 0)
                .extracting(Value::code)
                .doesNotContain(experimental.id().toString(), middle.id().toString());
        assertThat(browsed.chips()).extracting(Chip::label).doesNotContain(experimental.name());
    }

    @Test
    void thePageLinksEveryFacetValueAndChipToTheSameSearchWithThatValueToggled() {
        String page = teacher.get().uri("/?type=LESSON_PLAN").retrieve().body(String.class);

        assertThat(page).contains("id=\"facets\"", "id=\"chips\"", "小学");
        assertThat(page).contains("href=\"/?type=LESSON_PLAN&amp;type=COURSEWARE\"");
        assertThat(page).contains("href=\"/?subject=MATH&amp;type=LESSON_PLAN\"");
        assertThat(page).contains("class=\"chip-remove\" href=\"/\"");
        assertThat(page).contains("kind-pdf", "kind-word");
        assertThat(page).contains(experimental.name()).doesNotContain(middle.name());
    }

    @Test
    void thePageIsInEnglishOnRequest() {
        RestClient english = SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, middle, Role.TEACHER));

        String page = english.get().uri("/?lang=en").retrieve().body(String.class);

        assertThat(page).contains("lang=\"en\"", ">Subject<", "Primary", "Junior high", "Most downloaded");
        assertThat(page).doesNotContain("最新上传");
    }

    private Results search(String query) {
        return teacher.get().uri("/api/search?" + query).retrieve().body(Results.class);
    }
}
