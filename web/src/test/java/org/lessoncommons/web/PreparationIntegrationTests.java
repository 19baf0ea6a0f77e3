package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
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
 * Preparation groups and packages over HTTP: membership across the schools of an alliance, the
 * ordered items with notes, plan versions, discussion, upload into a package, the ZIP export, and
 * that a package never hands a member a material its sharing hides from them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PreparationIntegrationTests {

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
    record Member(UUID accountId, String schoolName, boolean lead) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Summary(UUID id, String topic) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Activity(String kind, String packageTopic, String materialTitle) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record GroupDetail(List<Member> members, List<Summary> packages, List<Activity> activity) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(UUID materialId, int position, String title, String note) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Comment(String authorName, String body) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PackageDetail(
            UUID id,
            String topic,
            String plan,
            int planVersion,
            List<Item> items,
            int hiddenItems,
            List<Comment> comments) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Version(int version, String plan, String savedByName) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hit(String id) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Results(long total, List<Hit> hits) {}

    School a1;
    School a2;
    School b1;
    Account lead;
    RestClient leadHttp;
    Account colleague;
    RestClient colleagueHttp;
    String word;

    @BeforeEach
    void alliancesWithTwoSchools() {
        Alliance a = alliances.save(Alliance.named("联盟A " + UUID.randomUUID()));
        Alliance b = alliances.save(Alliance.named("联盟B " + UUID.randomUUID()));
        a1 = schools.save(School.of(a, "实验小学 " + UUID.randomUUID(), Membership.CORE));
        a2 = schools.save(School.of(a, "第二小学 " + UUID.randomUUID(), Membership.MEMBER));
        b1 = schools.save(School.of(b, "城北中学 " + UUID.randomUUID(), Membership.MEMBER));
        lead = SignedIn.account(accounts, passwordEncoder, a1, Role.TEACHER);
        leadHttp = SignedIn.as(port, lead);
        colleague = SignedIn.account(accounts, passwordEncoder, a2, Role.TEACHER);
        colleagueHttp = SignedIn.as(port, colleague);
        word = "课题"
                + Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()), 36)
                        .replaceAll("[0-9]", "");
    }

    @Test
    void aLeadBuildsACrossSchoolGroupWhosePackagesOnlyItsMembersSee() {
        UUID group = createGroup();
        UUID pkg = createPackage(group);
        Account outsider = SignedIn.account(accounts, passwordEncoder, a2, Role.TEACHER);
        Account otherAlliance = SignedIn.account(accounts, passwordEncoder, b1, Role.TEACHER);

        GroupDetail detail = addMember(group, colleague.username());

        assertThat(detail.members()).extracting(Member::accountId).containsExactly(lead.id(), colleague.id());
        assertThat(detail.members().getFirst().lead()).isTrue();
        assertThat(detail.packages()).extracting(Summary::topic).containsExactly(word);
        assertThat(status(leadHttp.post()
                        .uri("/api/preparation/groups/{id}/members", group)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("username", otherAlliance.username()))))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status(colleagueHttp
                        .post()
                        .uri("/api/preparation/groups/{id}/members", group)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("username", outsider.username()))))
                .isEqualTo(HttpStatus.FORBIDDEN);
        for (Account stranger : List.of(outsider, otherAlliance)) {
            RestClient http = SignedIn.as(port, stranger);
            assertThat(status(http.get().uri("/api/preparation/groups/{id}", group)))
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(status(http.get().uri("/api/preparation/packages/{id}", pkg)))
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(status(http.get().uri("/api/preparation/packages/{id}/export", pkg)))
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(status(http.get().uri("/preparation/packages/{id}", pkg)))
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(http.get().uri("/api/preparation/groups").retrieve().body(String.class))
                    .doesNotContain(group.toString());
        }
        RestClient allianceAdmin = as(a2, Role.ALLIANCE_ADMIN);
        assertThat(status(allianceAdmin.get().uri("/api/preparation/packages/{id}", pkg)))
                .isEqualTo(HttpStatus.OK);
        assertThat(status(allianceAdmin
                        .post()
                        .uri("/api/preparation/packages/{id}/comments", pkg)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("body", "管理员路过"))))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(as(b1, Role.ALLIANCE_ADMIN).get().uri("/api/preparation/packages/{id}", pkg)))
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void membersOrderAndAnnotateMaterialsAndDiscussThePackage() {
        UUID group = createGroup();
        addMember(group, colleague.username());
        UUID pkg = createPackage(group);
        UUID first = upload(leadHttp, "第一课时教案", "ALLIANCE");
        UUID second = upload(colleagueHttp, "第二课时课件", "ALLIANCE");

        addItem(leadHttp, pkg, first, "主备人初稿");
        addItem(colleagueHttp, pkg, second, "二次备课");
        colleagueHttp
                .put()
                .uri("/api/preparation/packages/{id}/order", pkg)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("materialIds", List.of(second, first)))
                .retrieve()
                .toBodilessEntity();
        leadHttp.patch()
                .uri("/api/preparation/packages/{id}/items/{m}", pkg, first)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("note", "修改后的主备稿"))
                .retrieve()
                .toBodilessEntity();
        colleagueHttp
                .post()
                .uri("/api/preparation/packages/{id}/comments", pkg)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("body", "导入环节可以更短"))
                .retrieve()
                .toBodilessEntity();

        PackageDetail detail = show(leadHttp, pkg);
        assertThat(detail.items())
                .extracting(Item::materialId, Item::position, Item::note)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(second, 1, "二次备课"),
                        org.assertj.core.groups.Tuple.tuple(first, 2, "修改后的主备稿"));
        assertThat(detail.comments()).extracting(Comment::body).containsExactly("导入环节可以更短");
        assertThat(group(leadHttp, group).activity())
                .extracting(Activity::kind)
                .contains("COMMENTED", "ITEM_ADDED", "PACKAGE_CREATED");
        assertThat(status(leadHttp.post()
                        .uri("/api/preparation/packages/{id}/comments", pkg)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("body", " "))))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status(leadHttp.delete().uri("/api/preparation/packages/{id}/items/{m}", pkg, second)))
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(show(colleagueHttp, pkg).items())
                .extracting(Item::materialId)
                .containsExactly(first);
    }

    @Test
    void everySaveOfThePlanKeepsThePreviousTextAndAStaleSaveIsAConflict() {
        UUID group = createGroup();
        addMember(group, colleague.username());
        UUID pkg = createPackage(group);

        savePlan(leadHttp, pkg, "一、教学目标：认识分数", 0);
        savePlan(colleagueHttp, pkg, "一、教学目标：认识分数\n二、教学重难点", 1);
        var stale = leadHttp.put()
                .uri("/api/preparation/packages/{id}/plan", pkg)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("plan", "覆盖别人的修改", "version", 1))
                .exchange((req, res) -> Map.of(
                        "status",
                        res.getStatusCode(),
                        "body",
                        new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));

        assertThat(stale.get("status")).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) stale.get("body")).contains("\"status\":409");
        PackageDetail detail = show(leadHttp, pkg);
        assertThat(detail.plan()).isEqualTo("一、教学目标：认识分数\n二、教学重难点");
        assertThat(detail.planVersion()).isEqualTo(2);
        List<Version> versions = List.of(leadHttp.get()
                .uri("/api/preparation/packages/{id}/plan/versions", pkg)
                .retrieve()
                .body(Version[].class));
        assertThat(versions)
                .extracting(Version::version, Version::plan, Version::savedByName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "一、教学目标：认识分数", lead.displayName()));
        assertThat(leadHttp.get()
                        .uri("/preparation/packages/{id}/versions/1", pkg)
                        .retrieve()
                        .body(String.class))
                .contains("一、教学目标：认识分数");
        assertThat(status(leadHttp.get().uri("/api/preparation/packages/{id}/plan/versions/7", pkg)))
                .isEqualTo(HttpStatus.NOT_FOUND);
        var page = leadHttp.post()
                .uri("/preparation/packages/{id}/plan", pkg)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(SignedIn.form("plan", "我在旧版本上写的修改", "version", "1"))
                .exchange((req, res) -> Map.of(
                        "status",
                        res.getStatusCode(),
                        "body",
                        new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        assertThat(page.get("status")).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) page.get("body")).contains("id=\"plan-conflict\"", "我在旧版本上写的修改", "二、教学重难点", "value=\"2\"");
    }

    @Test
    void aMemberWhoMayNotSeeAMaterialGetsNeitherItNorItsTitleThroughThePackageOrItsZip() throws IOException {
        UUID group = createGroup();
        addMember(group, colleague.username());
        UUID pkg = createPackage(group);
        String secret = "本校内部" + word;
        UUID shared = upload(leadHttp, "联盟共享教案", "ALLIANCE");
        UUID schoolOnly = upload(leadHttp, secret, "SCHOOL");
        UUID othersPrivate = upload(
                SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, a1, Role.TEACHER)), "别人的私有资源", "PRIVATE");
        addItem(leadHttp, pkg, shared, "大家都能看");
        addItem(leadHttp, pkg, schoolOnly, "仅本校");

        assertThat(status(leadHttp.post()
                        .uri("/api/preparation/packages/{id}/items", pkg)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("materialId", othersPrivate))))
                .isEqualTo(HttpStatus.NOT_FOUND);
        String asColleague = colleagueHttp
                .get()
                .uri("/api/preparation/packages/{id}", pkg)
                .retrieve()
                .body(String.class);
        assertThat(asColleague).doesNotContain(secret).doesNotContain(schoolOnly.toString());
        assertThat(show(colleagueHttp, pkg).items())
                .extracting(Item::materialId)
                .containsExactly(shared);
        assertThat(show(colleagueHttp, pkg).hiddenItems()).isEqualTo(1);
        assertThat(colleagueHttp
                        .get()
                        .uri("/api/preparation/groups/{id}", group)
                        .retrieve()
                        .body(String.class))
                .doesNotContain(secret);
        assertThat(colleagueHttp
                        .get()
                        .uri("/preparation/packages/{id}", pkg)
                        .retrieve()
                        .body(String.class))
                .doesNotContain(secret);
        assertThat(status(colleagueHttp.delete().uri("/api/preparation/packages/{id}/items/{m}", pkg, schoolOnly)))
                .isEqualTo(HttpStatus.NOT_FOUND);
        Map<String, byte[]> colleagueZip = unzip(export(colleagueHttp, pkg));
        assertThat(colleagueZip.keySet()).containsExactly("files/01-联盟共享教案.txt", "index.html");
        assertThat(new String(colleagueZip.get("index.html"), StandardCharsets.UTF_8))
                .doesNotContain(secret);
        Map<String, byte[]> leadZip = unzip(export(leadHttp, pkg));
        assertThat(leadZip.keySet())
                .containsExactly("files/01-联盟共享教案.txt", "files/02-" + secret + ".txt", "index.html");
        assertThat(new String(leadZip.get("files/02-" + secret + ".txt"), StandardCharsets.UTF_8))
                .isEqualTo(text(secret));
        assertThat(new String(leadZip.get("index.html"), StandardCharsets.UTF_8))
                .contains("<h1>" + word + "</h1>", secret, "仅本校", "files/02-" + secret + ".txt", "分数的初步认识");
    }

    @Test
    void aFileUploadedIntoAPackageIsIngestedAndFoundByThePackagesTopic() {
        UUID group = createGroup();
        UUID pkg = createPackage(group);
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", file("课堂练习.txt", "认识几分之一的练习题。"));
        form.add("resourceType", "学案");
        form.add("note", "课后练习");

        PackageDetail detail = leadHttp.post()
                .uri("/api/preparation/packages/{id}/files", pkg)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve()
                .body(PackageDetail.class);

        assertThat(detail.items())
                .extracting(Item::title, Item::note)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("课堂练习", "课后练习"));
        UUID id = detail.items().getFirst().materialId();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> materials.findById(id).orElseThrow().status() == MaterialStatus.INDEXED);
        Results found = leadHttp.get().uri("/api/search?q={q}", word).retrieve().body(Results.class);
        assertThat(found.hits()).extracting(Hit::id).containsExactly(id.toString());
        assertThat(status(leadHttp.post()
                        .uri("/api/preparation/packages/{id}/files", pkg)
                        .contentType(MediaType.MULTIPART_FORM_DATA)
                        .body(new LinkedMultiValueMap<>(Map.of("resourceType", List.of("学案"))))))
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theGroupAndPackagePagesRenderForMembers() {
        UUID group = createGroup();
        UUID pkg = createPackage(group);
        UUID material = upload(leadHttp, "页面上的教案", "ALLIANCE");
        addItem(leadHttp, pkg, material, "页面备注");

        assertThat(leadHttp.get().uri("/preparation").retrieve().body(String.class))
                .contains("备课组" + word);
        assertThat(leadHttp.get()
                        .uri("/preparation/groups/{id}", group)
                        .retrieve()
                        .body(String.class))
                .contains(word, lead.displayName());
        assertThat(leadHttp.get()
                        .uri("/preparation/packages/{id}", pkg)
                        .retrieve()
                        .body(String.class))
                .contains("页面上的教案", "页面备注", "/api/preparation/packages/" + pkg + "/export");
        assertThat(status(leadHttp.post()
                        .uri("/preparation/groups")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(SignedIn.form("name", "", "subject", "数学", "grade", "三年级"))))
                .isEqualTo(HttpStatus.FOUND);
        assertThat(leadHttp.get().uri("/preparation").retrieve().body(String.class))
                .contains("id=\"form-error\"", "请填写备课组名称");
    }

    private UUID createGroup() {
        return leadHttp.post()
                .uri("/api/preparation/groups")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "备课组" + word, "subject", "数学", "grade", "三年级"))
                .retrieve()
                .body(Created.class)
                .id();
    }

    private UUID createPackage(UUID group) {
        return leadHttp.post()
                .uri("/api/preparation/groups/{id}/packages", group)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("topic", word, "edition", "人教版", "chapter", "第八单元 分数的初步认识"))
                .retrieve()
                .body(Created.class)
                .id();
    }

    private GroupDetail addMember(UUID group, String username) {
        return leadHttp.post()
                .uri("/api/preparation/groups/{id}/members", group)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", username))
                .retrieve()
                .body(GroupDetail.class);
    }

    private static GroupDetail group(RestClient http, UUID group) {
        return http.get().uri("/api/preparation/groups/{id}", group).retrieve().body(GroupDetail.class);
    }

    private static PackageDetail show(RestClient http, UUID pkg) {
        return http.get().uri("/api/preparation/packages/{id}", pkg).retrieve().body(PackageDetail.class);
    }

    private static void addItem(RestClient http, UUID pkg, UUID material, String note) {
        http.post()
                .uri("/api/preparation/packages/{id}/items", pkg)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("materialId", material, "note", note))
                .retrieve()
                .toBodilessEntity();
    }

    private static void savePlan(RestClient http, UUID pkg, String plan, int version) {
        http.put()
                .uri("/api/preparation/packages/{id}/plan", pkg)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("plan", plan, "version", version))
                .retrieve()
                .toBodilessEntity();
    }

    private UUID upload(RestClient http, String title, String sharing) {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", file(title + ".txt", text(title)));
        form.add("title", title);
        form.add("subject", "数学");
        form.add("grade", "三年级");
        form.add("resourceType", "教案");
        form.add("sharing", sharing);
        return http.post()
                .uri("/api/materials")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve()
                .body(Created.class)
                .id();
    }

    private static String text(String title) {
        return title + "：分数的初步认识，集体备课材料。";
    }

    private static ByteArrayResource file(String name, String content) {
        return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private static byte[] export(RestClient http, UUID pkg) {
        return http.get()
                .uri("/api/preparation/packages/{id}/export", pkg)
                .retrieve()
                .body(byte[].class);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private RestClient as(School school, Role role) {
        return SignedIn.as(port, SignedIn.account(accounts, passwordEncoder, school, role));
    }

    private static HttpStatusCode status(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, response) -> response.getStatusCode());
    }
}
