package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lessoncommons.storage.Account;
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

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ProblemDetailsIntegrationTests {

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

    HttpClient client;

    @BeforeEach
    void signIn() {
        Account admin = SignedIn.account(accounts, passwordEncoder, school(), Role.SYSTEM_ADMIN);
        client = SignedIn.jdk(port, admin.username(), SignedIn.PASSWORD);
    }

    @Test
    void unknownMaterialIsA404ProblemDetail() throws Exception {
        HttpResponse<String> response = get("/api/materials/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":404").contains("No material with id");
    }

    @Test
    void malformedIdIsA400NotA500() throws Exception {
        HttpResponse<String> response = get("/api/materials/not-a-uuid");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void unknownSubjectFilterNamesTheField() throws Exception {
        HttpResponse<String> response = get("/api/search?q=x&subject=%E7%81%AB%E6%98%9F");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"subject\"");
    }

    @Test
    void oversizedPageIsRejected() throws Exception {
        HttpResponse<String> response = get("/api/search?q=x&size=1000");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("size");
    }

    @Test
    void uploadWithoutAFileNamesTheField() throws Exception {
        HttpResponse<String> response =
                post(multipart(null, new byte[0], school().id().toString()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"file\"");
    }

    @Test
    void uploadToAnUnknownSchoolIsRejected() throws Exception {
        HttpResponse<String> response = post(multipart(
                "a.txt",
                "你好".getBytes(StandardCharsets.UTF_8),
                UUID.randomUUID().toString()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("没有这所学校").contains("\"field\":\"schoolId\"");
    }

    @Test
    void uploadOverTheLimitIsA413() throws Exception {
        HttpResponse<String> response = post(
                multipart("big.txt", new byte[2 * 1024 * 1024], school().id().toString()));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void rangeOutsideTheFileIsA416() throws Exception {
        HttpResponse<String> created = post(multipart(
                "r.txt", "三年级语文".getBytes(StandardCharsets.UTF_8), school().id().toString()));
        String id = created.body().replaceFirst("^\\{\"id\":\"([0-9a-f-]+)\".*$", "$1");

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(uri("/api/materials/" + id + "/file"))
                        .header("Range", "bytes=5000-6000")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(response.statusCode()).isEqualTo(416);
        assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes */15");
    }

    @Test
    void unknownPageShowsAReadableChinesePage() throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(uri("/materials/" + UUID.randomUUID()))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("出错了").contains("返回首页");
    }

    private School school() {
        Alliance alliance = alliances.save(Alliance.named("联盟 " + UUID.randomUUID()));
        return schools.save(School.of(alliance, "学校 " + UUID.randomUUID(), School.Membership.MEMBER));
    }

    private record Multipart(String boundary, byte[] body) {}

    private static Multipart multipart(String fileName, byte[] content, String schoolId) {
        String boundary = "----lessoncommons" + UUID.randomUUID();
        var out = new java.io.ByteArrayOutputStream();
        field(out, boundary, "subject", "语文");
        field(out, boundary, "grade", "GRADE_3");
        field(out, boundary, "resourceType", "LESSON_PLAN");
        field(out, boundary, "schoolId", schoolId);
        if (fileName != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart(boundary, out.toByteArray());
    }

    private static void field(java.io.ByteArrayOutputStream out, String boundary, String name, String value) {
        out.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(Multipart multipart) throws Exception {
        return client.send(
                HttpRequest.newBuilder(uri("/api/materials"))
                        .header("Content-Type", "multipart/form-data; boundary=" + multipart.boundary())
                        .header("X-XSRF-TOKEN", SignedIn.csrf(client, port))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.body()))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
