package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.MaterialStatus;
import org.lessoncommons.storage.Materials;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.School.Membership;
import org.lessoncommons.storage.Schools;
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

/**
 * Suggestions and related materials through the HTTP API and the material page, by who may see
 * what: alliance A (schools A1, A2) and alliance B (school B1).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SuggestionsAndRelatedIntegrationTests {

    private static final String POEM = "静夜思 李白\n床前明月光，疑是地上霜。举头望明月，低头思故乡。\n体会诗人的思乡之情，有感情地朗读并背诵古诗。";

    @LocalServerPort
    int port;

    @Autowired
    Alliances alliances;

    @Autowired
    Schools schools;

    @Autowired
    Accounts accounts;

    @Autowired
    Materials materials;

    @Autowired
    PasswordEncoder passwordEncoder;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Created(UUID id) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Suggestion(String id, String title, String url) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Suggestions(String query, List<Suggestion> suggestions) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hit(String id, String title) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Results(long total, Hit[] hits) {}

    School a1;
    School a2;
    School b1;
    RestClient uploader;
    String word;

    @BeforeEach
    void twoAlliances() {
        Alliance a = alliances.save(Alliance.named("联盟A " + UUID.randomUUID()));
        Alliance b = alliances.save(Alliance.named("联盟B " + UUID.randomUUID()));
        a1 = schools.save(School.of(a, "实验小学 " + UUID.randomUUID(), Membership.CORE));
        a2 = schools.save(School.of(a, "第二小学 " + UUID.randomUUID(), Membership.MEMBER));
        b1 = schools.save(School.of(b, "城北中学 " + UUID.randomUUID(), Membership.MEMBER));
        uploader = as(a1, Role.TEACHER);
        // Letters of this run only, so that suggestions and related hits are this test's materials.
        word = "备课"
                + Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()), 36)
                        .replaceAll("[0-9]", "");
    }

    @Test
    void suggestsOnlyTitlesTheViewerMaySee() {
        upload(word + " 静夜思教学设计", POEM, "ALLIANCE");
        upload(word + " 静夜思公开课试讲稿", POEM, "PRIVATE");
        upload(word + " 静夜思校本作业", POEM, "SCHOOL");

        assertThat(titles(uploader, word))
                .containsExactlyInAnyOrder(word + " 静夜思教学设计", word + " 静夜思公开课试讲稿", word + " 静夜思校本作业");
        assertThat(titles(as(a1, Role.TEACHER), word)).containsExactlyInAnyOrder(word + " 静夜思教学设计", word + " 静夜思校本作业");
        assertThat(titles(as(a2, Role.TEACHER), word)).containsExactly(word + " 静夜思教学设计");
        assertThat(titles(as(a2, Role.SCHOOL_ADMIN), word)).containsExactly(word + " 静夜思教学设计");
        assertThat(titles(as(b1, Role.ALLIANCE_ADMIN), word)).isEmpty();
        assertThat(titles(as(a2, Role.TEACHER), word + " jingyes")).containsExactly(word + " 静夜思教学设计");
    }

    @Test
    void suggestionsNeedASignInAndSayWhatIsWrongWithBadInput() {
        ResponseEntity<String> anonymous = exchange(SignedIn.anonymous(port), "/api/suggestions?q=jys");
        ResponseEntity<String> limit = exchange(uploader, "/api/suggestions?q=jys&limit=50");
        ResponseEntity<String> overlong = exchange(uploader, "/api/suggestions?q=" + "静".repeat(51));
        ResponseEntity<String> blank = exchange(uploader, "/api/suggestions?q=%20");

        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(limit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(limit.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(limit.getBody()).contains("limit");
        assertThat(overlong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(blank.getBody()).contains("\"suggestions\":[]");
    }

    @Test
    void relatedMaterialsAreOnlyWhatTheViewerMaySeeAndNeverTheMaterialItself() {
        UUID shared = upload(word + " 静夜思教学设计", POEM, "ALLIANCE");
        UUID ware = upload(word + " 古诗静夜思课件", POEM + "\n课件：明月、故乡。", "ALLIANCE");
        UUID secret = upload(word + " 静夜思试讲稿", POEM, "PRIVATE");
        upload(word + " 分数的初步认识", "认识几分之一，会读、写几分之一。把一个物体平均分成几份。", "ALLIANCE");

        List<String> colleague = related(as(a2, Role.TEACHER), shared);
        List<String> own = related(uploader, shared);

        assertThat(colleague).contains(ware.toString()).doesNotContain(secret.toString(), shared.toString());
        assertThat(own).contains(ware.toString(), secret.toString()).doesNotContain(shared.toString());
    }

    @Test
    void relatedMaterialsOfAMaterialTheViewerMayNotSeeAreNotFound() {
        UUID shared = upload(word + " 静夜思教学设计", POEM, "ALLIANCE");
        UUID secret = upload(word + " 静夜思试讲稿", POEM, "PRIVATE");

        ResponseEntity<String> otherAlliance = exchange(as(b1, Role.TEACHER), "/api/materials/" + shared + "/related");
        ResponseEntity<String> colleague = exchange(as(a2, Role.TEACHER), "/api/materials/" + secret + "/related");
        ResponseEntity<String> badLimit = exchange(uploader, "/api/materials/" + shared + "/related?limit=0");

        assertThat(otherAlliance.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(otherAlliance.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(otherAlliance.getBody()).doesNotContain("静夜思");
        assertThat(colleague.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(badLimit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theMaterialPageListsRelatedMaterialsTheViewerMaySee() {
        UUID shared = upload(word + " 静夜思教学设计", POEM, "ALLIANCE");
        UUID ware = upload(word + " 古诗静夜思课件", POEM, "ALLIANCE");
        UUID secret = upload(word + " 静夜思试讲稿", POEM, "PRIVATE");

        String page = as(a2, Role.TEACHER)
                .get()
                .uri("/materials/{id}", shared)
                .accept(MediaType.TEXT_HTML)
                .retrieve()
                .body(String.class);

        assertThat(page).contains("id=\"related\"", "相关资源", "/materials/" + ware);
        assertThat(page).doesNotContain("/materials/" + secret, "静夜思试讲稿");
    }

    @Test
    void searchResultsCanBeSortedNewestFirstAndAnUnknownOrderIsRefused() {
        UUID older = upload(word + " 静夜思教学设计", POEM, "ALLIANCE");
        UUID newer = upload(word + " 教学反思", "本课反思：" + word, "ALLIANCE");

        List<String> newest = List.of(uploader.get()
                        .uri("/api/search?q={q}&sort=newest", word)
                        .retrieve()
                        .body(Results.class)
                        .hits())
                .stream()
                .map(Hit::id)
                .toList();
        ResponseEntity<String> unknown = exchange(uploader, "/api/search?q=" + word + "&sort=best");

        assertThat(newest).containsExactly(newer.toString(), older.toString());
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).contains("\"field\":\"sort\"");
    }

    private UUID upload(String title, String text, String sharing) {
        var form = new LinkedMultiValueMap<String, Object>();
        // The title makes the bytes unique: a school's second copy of the same file is refused.
        form.add("file", new ByteArrayResource((text + "\n" + title).getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "教案.txt";
            }
        });
        form.add("title", title);
        form.add("subject", "语文");
        form.add("grade", "一年级");
        form.add("resourceType", "教案");
        form.add("sharing", sharing);
        Created created = uploader.post()
                .uri("/api/materials")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve()
                .body(Created.class);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> materials.findById(created.id()).orElseThrow().status() == MaterialStatus.INDEXED);
        return created.id();
    }

    private RestClient as(School school, Role role) {
        Account account = SignedIn.account(accounts, passwordEncoder, school, role);
        return SignedIn.as(port, account);
    }

    private static List<String> titles(RestClient http, String typed) {
        return http.get().uri("/api/suggestions?q={q}", typed).retrieve().body(Suggestions.class).suggestions().stream()
                .map(Suggestion::title)
                .toList();
    }

    private static List<String> related(RestClient http, UUID id) {
        return List.of(http.get()
                        .uri("/api/materials/{id}/related", id)
                        .retrieve()
                        .body(Hit[].class))
                .stream()
                .map(Hit::id)
                .toList();
    }

    private static ResponseEntity<String> exchange(RestClient http, String uri) {
        return http.get()
                .uri(uri)
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                        .headers(response.getHeaders())
                        .body(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }
}
