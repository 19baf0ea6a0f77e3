package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.School.Membership;
import org.lessoncommons.storage.Schools;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.client.RestClient;

/** Signing in, the protections around it, and what administrators may do with accounts. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AccountsIntegrationTests {

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

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AccountView(UUID id, String username, String role, boolean enabled) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Invited(AccountView account, String oneTimePassword) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AuditLine(String action, String actorName, String targetId, String detail) {}

    School school;
    School otherSchool;

    @BeforeEach
    void schools() {
        Alliance alliance = alliances.save(Alliance.named("联盟 " + UUID.randomUUID()));
        school = schools.save(School.of(alliance, "实验小学 " + UUID.randomUUID(), Membership.CORE));
        otherSchool = schools.save(School.of(alliance, "第二小学 " + UUID.randomUUID(), Membership.MEMBER));
    }

    @Test
    void withoutSigningInTheApiAnswers401AndPagesGoToTheSignInPage() throws Exception {
        HttpClient anonymous = HttpClient.newHttpClient();

        HttpResponse<String> api = anonymous.send(
                HttpRequest.newBuilder(uri("/api/search?q=x")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> page =
                anonymous.send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> signIn =
                anonymous.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.body()).contains("请先登录");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.body()).contains("登录").contains("name=\"_csrf\"");
    }

    @Test
    void anUnsafeRequestWithoutTheCsrfTokenIsRefused() throws Exception {
        Account teacher = SignedIn.account(accounts, passwordEncoder, school, Role.TEACHER);
        HttpClient client = SignedIn.jdk(port, teacher.username(), SignedIn.PASSWORD);

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(uri("/api/me/password"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"currentPassword\":\"" + SignedIn.PASSWORD + "\",\"newPassword\":\"hijacked-1\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("CSRF");
        assertThat(passwordEncoder.matches(
                        SignedIn.PASSWORD,
                        accounts.findById(teacher.id()).orElseThrow().passwordHash()))
                .isTrue();
    }

    @Test
    void signingInIssuesANewSessionIdAndHttpOnlySameSiteCookies() throws Exception {
        Account teacher = SignedIn.account(accounts, passwordEncoder, school, Role.TEACHER);
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL))
                .build();
        HttpResponse<Void> before =
                client.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.discarding());
        String sessionBefore = cookie(client, "JSESSIONID");

        HttpResponse<Void> signIn = client.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-XSRF-TOKEN", SignedIn.csrf(client, port))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=" + teacher.username() + "&password=" + SignedIn.PASSWORD))
                        .build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(cookie(client, "JSESSIONID")).isNotEqualTo(sessionBefore);
        assertThat(signIn.headers().allValues("Set-Cookie"))
                .filteredOn(c -> c.startsWith("JSESSIONID="))
                .allSatisfy(c -> assertThat(c).contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedForAWhile() {
        Account teacher = SignedIn.account(accounts, passwordEncoder, school, Role.TEACHER);
        for (int i = 0; i < 5; i++) {
            String guess = "wrong-guess-" + i;
            assertThatThrownBy(() -> SignedIn.as(port, teacher.username(), guess))
                    .hasMessageContaining("401");
        }

        assertThatThrownBy(() -> SignedIn.as(port, teacher.username(), SignedIn.PASSWORD))
                .hasMessageContaining("401");
        assertThat(SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, school, Role.TEACHER))
                        .get()
                        .uri("/api/me")
                        .retrieve()
                        .body(AccountView.class))
                .isNotNull();
    }

    @Test
    void aSchoolAdministratorInvitesATeacherWhoSignsInWithTheOneTimePasswordAndChangesIt() {
        RestClient admin = SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, school, Role.SCHOOL_ADMIN));
        String username = "li.hua." + UUID.randomUUID().toString().substring(0, 6);

        Invited invited = admin.post()
                .uri("/api/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", username, "displayName", "李华"))
                .retrieve()
                .body(Invited.class);
        RestClient teacher = SignedIn.as(port, username, invited.oneTimePassword());
        HttpStatusCode changed = status(teacher.post()
                .uri("/api/me/password")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("currentPassword", invited.oneTimePassword(), "newPassword", "my-own-2026")));

        assertThat(invited.account().role()).isEqualTo("TEACHER");
        assertThat(changed).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(SignedIn.as(port, username, "my-own-2026")
                        .get()
                        .uri("/api/me")
                        .retrieve()
                        .body(AccountView.class)
                        .username())
                .isEqualTo(username);
        assertThat(admin.get().uri("/api/accounts").retrieve().body(AccountView[].class))
                .extracting(AccountView::username)
                .contains(username);
    }

    @Test
    void administratorsCannotGrantAboveTheirOwnRoleNorManageAnotherSchool() {
        RestClient admin = SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, school, Role.SCHOOL_ADMIN));
        RestClient teacher = SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, school, Role.TEACHER));
        Account elsewhere = SignedIn.account(accounts, passwordEncoder, otherSchool, Role.TEACHER);

        assertThat(status(teacher.post()
                        .uri("/api/accounts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of(
                                "username", "x" + UUID.randomUUID().toString().substring(0, 6), "displayName", "某"))))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(admin.post()
                        .uri("/api/accounts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of(
                                "username",
                                "y" + UUID.randomUUID().toString().substring(0, 6),
                                "displayName",
                                "某",
                                "role",
                                "ALLIANCE_ADMIN"))))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(admin.patch()
                        .uri("/api/accounts/{id}", elsewhere.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("enabled", false))))
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(admin.get().uri("/api/accounts?school={id}", otherSchool.id())))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(accounts.findById(elsewhere.id()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void aRoleChangeAndADisabledAccountAreAuditedAndTheDisabledAccountCannotSignIn() {
        Account adminAccount = SignedIn.account(accounts, passwordEncoder, school, Role.SCHOOL_ADMIN);
        RestClient admin = SignedIn.as(port, adminAccount);
        Account teacher = SignedIn.account(accounts, passwordEncoder, school, Role.TEACHER);

        AccountView promoted = admin.patch()
                .uri("/api/accounts/{id}", teacher.id())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("role", "SCHOOL_ADMIN"))
                .retrieve()
                .body(AccountView.class);
        change(admin, teacher.id(), Map.of("enabled", false));
        List<AuditLine> audit = List.of(admin.get().uri("/api/audit").retrieve().body(AuditLine[].class));

        assertThat(promoted.role()).isEqualTo("SCHOOL_ADMIN");
        assertThatThrownBy(() -> SignedIn.as(port, teacher)).hasMessageContaining("401");
        assertThat(audit)
                .filteredOn(line -> teacher.id().toString().equals(line.targetId()))
                .extracting(AuditLine::action, AuditLine::actorName)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("account.role", adminAccount.username()),
                        org.assertj.core.groups.Tuple.tuple("account.disable", adminAccount.username()));
        assertThat(status(SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, school, Role.TEACHER))
                        .get()
                        .uri("/api/audit")))
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aSignedInSessionSeesItsRoleChangeAndItsDisablingOnTheVeryNextRequest() {
        // The viewer of a session is kept between requests; a change must still apply at once.
        Account adminAccount = SignedIn.account(accounts, passwordEncoder, school, Role.SCHOOL_ADMIN);
        RestClient admin = SignedIn.as(port, adminAccount);
        Account teacherAccount = SignedIn.account(accounts, passwordEncoder, school, Role.TEACHER);
        RestClient teacher = SignedIn.as(port, teacherAccount);
        assertThat(status(teacher.get().uri("/api/audit"))).isEqualTo(HttpStatus.FORBIDDEN);

        change(admin, teacherAccount.id(), Map.of("role", "SCHOOL_ADMIN"));
        HttpStatusCode promoted = status(teacher.get().uri("/api/audit"));
        change(admin, teacherAccount.id(), Map.of("enabled", false));

        assertThat(promoted).isEqualTo(HttpStatus.OK);
        assertThat(status(teacher.get().uri("/api/audit"))).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aWrongCurrentPasswordOrAWeakNewOneIsA400NamingTheField() {
        RestClient teacher = SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, school, Role.TEACHER));

        String wrong = teacher.post()
                .uri("/api/me/password")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("currentPassword", "nope", "newPassword", "good-one-1"))
                .exchange((req, res) -> res.getStatusCode().value() + " "
                        + new String(res.getBody().readAllBytes()));
        String weak = teacher.post()
                .uri("/api/me/password")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("currentPassword", SignedIn.PASSWORD, "newPassword", "12345678"))
                .exchange((req, res) -> res.getStatusCode().value() + " "
                        + new String(res.getBody().readAllBytes()));

        assertThat(wrong).startsWith("400").contains("\"field\":\"currentPassword\"");
        assertThat(weak).startsWith("400").contains("\"field\":\"newPassword\"");
    }

    @Test
    void theUploadPageSendsItsCsrfTokenInsideTheMultipartForm() throws Exception {
        Account teacher = SignedIn.account(accounts, passwordEncoder, school, Role.TEACHER);
        HttpClient browser = SignedIn.jdk(port, teacher.username(), SignedIn.PASSWORD);
        String form = browser.send(HttpRequest.newBuilder(uri("/upload")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        var token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(form);
        String boundary = "----page" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        for (String[] field : List.of(
                new String[] {"_csrf", token.find() ? token.group(1) : "missing"},
                new String[] {"subject", "MATH"},
                new String[] {"grade", "GRADE_3"},
                new String[] {"resourceType", "LESSON_PLAN"})) {
            body.append("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                    .formatted(boundary, field[0], field[1]));
        }
        body.append(
                "--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"口算.txt\"\r\n\r\n三年级口算练习\r\n--%s--\r\n"
                        .formatted(boundary, boundary));

        HttpResponse<String> posted = browser.send(
                HttpRequest.newBuilder(uri("/upload"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/materials/").endsWith("?uploaded"));
    }

    private String cookie(HttpClient client, String name) {
        var cookies = (java.net.CookieManager) client.cookieHandler().orElseThrow();
        return cookies.getCookieStore().get(uri("/")).stream()
                .filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElse("");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** An administrator's change to an account, which must succeed. */
    private static void change(RestClient admin, UUID account, Map<String, ?> change) {
        admin.patch()
                .uri("/api/accounts/{id}", account)
                .contentType(MediaType.APPLICATION_JSON)
                .body(change)
                .retrieve()
                .toBodilessEntity();
    }

    private static HttpStatusCode status(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, response) -> response.getStatusCode());
    }
}
