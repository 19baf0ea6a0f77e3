package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
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
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OpenApiIntegrationTests {

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

    @Test
    void theSpecListsEveryEndpointThePagesUse() throws Exception {
        HttpClient http = signedIn();

        HttpResponse<String> docs = get(http, "/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = JsonMapper.builder().build().readTree(docs.body()).path("paths");
        assertThat(paths.propertyNames())
                .contains(
                        "/api/search",
                        "/api/materials",
                        "/api/materials/{id}",
                        "/api/materials/{id}/file",
                        "/api/materials/{id}/preview",
                        "/api/materials/{id}/rendition",
                        "/api/materials/{id}/text",
                        "/api/materials/{id}/restore",
                        "/api/batches",
                        "/api/batches/{id}",
                        "/api/proposals",
                        "/api/home",
                        "/api/me/materials",
                        "/api/schools/{id}/materials",
                        "/api/vocabulary");
        assertThat(paths.path("/api/materials/{id}").has("patch")).isTrue();
        assertThat(paths.path("/api/materials/{id}").has("delete")).isTrue();
        assertThat(paths.path("/api/search").path("get").path("parameters").toString())
                .contains("\"q\"", "\"sort\"", "\"grade\"");
    }

    @Test
    void theSwaggerUiIsServedToSignedInPeople() throws Exception {
        HttpClient http = signedIn();

        HttpResponse<String> ui = get(http, "/swagger-ui/index.html");

        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }

    @Test
    void withoutSigningInTheDocsAreNotShown() throws Exception {
        HttpClient anonymous = HttpClient.newHttpClient();

        HttpResponse<String> docs = get(anonymous, "/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(302);
        assertThat(docs.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    private HttpClient signedIn() {
        Alliance alliance = alliances.save(Alliance.named("文档联盟 " + UUID.randomUUID()));
        School school = schools.save(School.of(alliance, "文档小学 " + UUID.randomUUID(), School.Membership.CORE));
        var account = SignedIn.account(accounts, passwordEncoder, school, Role.TEACHER);
        return SignedIn.jdk(port, account.username(), SignedIn.PASSWORD);
    }

    private HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
