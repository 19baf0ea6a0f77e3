package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Who may see and change what, through every way in: by id, download, poster, edit, delete,
 * search hits and counts, the newest list. Two alliances: A (schools A1, A2) and B (school B1).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AuthorizationIntegrationTests {

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
    record Hit(String id) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Results(long total, List<Hit> hits) {}

    School a1;
    School a2;
    School b1;
    Account uploader;
    RestClient uploaderHttp;
    String word;

    @BeforeEach
    void twoAlliances() {
        Alliance a = alliances.save(Alliance.named("联盟A " + UUID.randomUUID()));
        Alliance b = alliances.save(Alliance.named("联盟B " + UUID.randomUUID()));
        a1 = schools.save(School.of(a, "实验小学 " + UUID.randomUUID(), Membership.CORE));
        a2 = schools.save(School.of(a, "第二小学 " + UUID.randomUUID(), Membership.MEMBER));
        b1 = schools.save(School.of(b, "城北中学 " + UUID.randomUUID(), Membership.MEMBER));
        uploader = SignedIn.account(accounts, passwordEncoder, a1, Role.TEACHER);
        uploaderHttp = SignedIn.as(port, uploader);
        // A word of its own per test run, so that hits are only this test's materials.
        word = "备课"
                + Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()), 36)
                        .replaceAll("[0-9]", "");
    }

    @Test
    void aPrivateMaterialIsInvisibleToEveryoneButItsUploaderAndTheSchoolAdministrators() {
        UUID id = upload("PRIVATE");
        RestClient colleague = as(a1, Role.TEACHER);
        RestClient otherSchool = as(a2, Role.TEACHER);
        RestClient otherAlliance = as(b1, Role.TEACHER);
        RestClient allianceAdmin = as(a2, Role.ALLIANCE_ADMIN);

        for (RestClient outsider : List.of(colleague, otherSchool, otherAlliance, allianceAdmin)) {
            assertThat(status(outsider.get().uri("/api/materials/{id}", id))).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(status(outsider.get().uri("/api/materials/{id}/file", id)))
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(status(outsider.get().uri("/api/materials/{id}/poster", id)))
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(status(outsider.patch()
                            .uri("/api/materials/{id}", id)
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(Map.of("title", "改掉"))))
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(status(outsider.delete().uri("/api/materials/{id}", id))).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(status(outsider.get().uri("/materials/{id}", id))).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(search(outsider, word).total()).isZero();
            assertThat(newest(outsider)).doesNotContain(id.toString());
        }
        assertThat(search(uploaderHttp, word).hits()).extracting(Hit::id).containsExactly(id.toString());
        assertThat(search(as(a1, Role.SCHOOL_ADMIN), word).hits())
                .extracting(Hit::id)
                .containsExactly(id.toString());
        assertThat(materials.findById(id).orElseThrow().title()).isEqualTo(word);
    }

    @Test
    void aSchoolOnlyMaterialIsSeenByTheSchoolAndTheAllianceAdministratorOnly() {
        UUID id = upload("SCHOOL");

        assertThat(search(as(a1, Role.TEACHER), word).total()).isEqualTo(1);
        assertThat(search(as(a2, Role.ALLIANCE_ADMIN), word).total()).isEqualTo(1);
        assertThat(search(as(a2, Role.TEACHER), word).total()).isZero();
        assertThat(search(as(a2, Role.SCHOOL_ADMIN), word).total()).isZero();
        assertThat(status(as(a2, Role.TEACHER).get().uri("/api/materials/{id}/file", id)))
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anAllianceMaterialStaysInsideTheAlliance() {
        UUID id = upload("ALLIANCE");

        assertThat(search(as(a2, Role.TEACHER), word).total()).isEqualTo(1);
        assertThat(status(as(a2, Role.TEACHER).get().uri("/api/materials/{id}/file", id)))
                .isEqualTo(HttpStatus.OK);
        assertThat(search(as(b1, Role.TEACHER), word).total()).isZero();
        assertThat(search(as(b1, Role.SCHOOL_ADMIN), word).total()).isZero();
        assertThat(status(as(b1, Role.ALLIANCE_ADMIN).get().uri("/api/materials/{id}", id)))
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aColleagueMaySeeButNotChangeOrDeleteAnotherTeachersUpload() {
        UUID id = upload("ALLIANCE");
        RestClient colleague = as(a1, Role.TEACHER);

        assertThat(status(colleague.get().uri("/api/materials/{id}", id))).isEqualTo(HttpStatus.OK);
        assertThat(status(colleague
                        .patch()
                        .uri("/api/materials/{id}", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("title", "改掉"))))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(colleague.delete().uri("/api/materials/{id}", id))).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(as(a1, Role.SCHOOL_ADMIN)
                        .patch()
                        .uri("/api/materials/{id}", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("title", word + " 已审核"))))
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aDeletedMaterialLeavesSearchAndCanBeRestoredByItsUploader() {
        UUID id = upload("ALLIANCE");
        RestClient colleague = as(a2, Role.TEACHER);

        assertThat(status(uploaderHttp.delete().uri("/api/materials/{id}", id))).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(search(colleague, word).total()).isZero();
        assertThat(search(uploaderHttp, word).total()).isZero();
        assertThat(status(colleague.get().uri("/api/materials/{id}", id))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(uploaderHttp.get().uri("/materials/{id}", id).retrieve().body(String.class))
                .contains("id=\"restore\"");
        assertThat(materials.findById(id).orElseThrow().isDeleted()).isTrue();

        assertThat(status(uploaderHttp.post().uri("/api/materials/{id}/restore", id)))
                .isEqualTo(HttpStatus.OK);

        assertThat(search(colleague, word).hits()).extracting(Hit::id).containsExactly(id.toString());
    }

    @Test
    void uploadingInTheNameOfAnotherSchoolIsForbidden() {
        var form = textForm("ALLIANCE");
        form.add("schoolId", a2.id().toString());

        assertThat(status(uploaderHttp
                        .post()
                        .uri("/api/materials")
                        .contentType(MediaType.MULTIPART_FORM_DATA)
                        .body(form)))
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private UUID upload(String sharing) {
        Created created = uploaderHttp
                .post()
                .uri("/api/materials")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(textForm(sharing))
                .retrieve()
                .body(Created.class);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> materials.findById(created.id()).orElseThrow().status() == MaterialStatus.INDEXED);
        return created.id();
    }

    private LinkedMultiValueMap<String, Object> textForm(String sharing) {
        byte[] text = ("三年级语文集体备课：" + word + "。\n教学目标与教学反思。").getBytes(StandardCharsets.UTF_8);
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource(text) {
            @Override
            public String getFilename() {
                return "备课记录.txt";
            }
        });
        form.add("title", word);
        form.add("subject", "语文");
        form.add("grade", "三年级");
        form.add("resourceType", "教案");
        form.add("sharing", sharing);
        return form;
    }

    private RestClient as(School school, Role role) {
        return SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, school, role));
    }

    private static Results search(RestClient http, String q) {
        return http.get().uri("/api/search?q={q}", q).retrieve().body(Results.class);
    }

    private static List<String> newest(RestClient http) {
        return List.of(http.get().uri("/api/materials").retrieve().body(Hit[].class)).stream()
                .map(Hit::id)
                .toList();
    }

    private static HttpStatusCode status(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, response) -> response.getStatusCode());
    }
}
