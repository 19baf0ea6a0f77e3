package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.lessoncommons.ingest.Media;
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
import org.lessoncommons.storage.observation.SchoolSessionCount;
import org.lessoncommons.storage.observation.SessionCounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Observation sessions over HTTP: the alliance calendar, a 同课异构 session with two lessons side by
 * side, uploading its files in one step (ingested and found by the session's 课题), evaluations on
 * the alliance's rubric, comments pinned to a moment of the video, the aggregates each role may see,
 * and the hosted/attended counts per school.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ObservationIntegrationTests {

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
    SessionCounts sessionCounts;

    @Autowired
    Media media;

    @Autowired
    PasswordEncoder passwordEncoder;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Person(UUID accountId, String displayName) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FileView(UUID materialId, String kind, String title) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Average(UUID ofId, String criterion, double average, int evaluations) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Moment(int seconds, String body, UUID videoId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Evaluation(Person observer, String comment, int total) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Lesson(
            UUID id,
            Person teacher,
            List<FileView> files,
            FileView video,
            List<Evaluation> evaluations,
            List<Average> averages,
            List<Moment> moments) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Criterion(UUID id, String name, int maxScore) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Summary(UUID id, String kind, String topic, LocalDate heldOn, boolean upcoming) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Detail(
            Summary session,
            List<Lesson> lessons,
            List<Person> observers,
            List<FileView> sessionFiles,
            List<Criterion> rubric) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Aggregates(List<Average> perTeacher, List<Average> perSchool) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hit(String id) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Results(long total, List<Hit> hits) {}

    School a1;
    School a2;
    School b1;
    Account organiser;
    Account teacher1;
    Account teacher2;
    Account observer1;
    Account observer2;
    RestClient organiserHttp;
    String topic;

    @BeforeEach
    void anAllianceWithTwoSchools() {
        Alliance a = alliances.save(Alliance.named("联盟A " + UUID.randomUUID()));
        Alliance b = alliances.save(Alliance.named("联盟B " + UUID.randomUUID()));
        a1 = schools.save(School.of(a, "实验小学 " + UUID.randomUUID(), Membership.CORE));
        a2 = schools.save(School.of(a, "第二小学 " + UUID.randomUUID(), Membership.MEMBER));
        b1 = schools.save(School.of(b, "城北中学 " + UUID.randomUUID(), Membership.MEMBER));
        organiser = account(a1, Role.TEACHER);
        teacher1 = account(a1, Role.TEACHER);
        teacher2 = account(a2, Role.TEACHER);
        observer1 = account(a2, Role.TEACHER);
        observer2 = account(a1, Role.TEACHER);
        organiserHttp = SignedIn.as(port, organiser);
        topic = "圆的认识"
                + Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()), 36)
                        .replaceAll("[0-9]", "");
    }

    @Test
    void aSameTopicSessionIsSeenAcrossTheAllianceWithItsLessonsSideBySide() {
        Detail created = create("SAME_TOPIC", LocalDate.now().minusDays(3), teacher1, teacher2);
        RestClient otherAlliance = SignedIn.as(port, account(b1, Role.TEACHER));
        RestClient otherSchool = SignedIn.as(port, account(a2, Role.TEACHER));

        assertThat(created.lessons())
                .extracting(l -> l.teacher().accountId())
                .containsExactly(teacher1.id(), teacher2.id());
        assertThat(created.observers())
                .extracting(Person::accountId)
                .containsExactlyInAnyOrder(observer1.id(), observer2.id());
        assertThat(created.rubric())
                .extracting(Criterion::name)
                .containsExactly("教学目标", "教学过程", "教学方法", "学生活动", "教学效果");
        assertThat(List.of(otherSchool
                        .get()
                        .uri("/api/observation/sessions")
                        .retrieve()
                        .body(Summary[].class)))
                .extracting(Summary::id, Summary::upcoming)
                .contains(tuple(created.session().id(), false));
        assertThat(status(otherAlliance
                        .get()
                        .uri("/api/observation/sessions/{id}", created.session().id())))
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(otherAlliance
                        .get()
                        .uri("/observation/sessions/{id}", created.session().id())))
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(otherAlliance
                        .get()
                        .uri("/api/observation/sessions")
                        .retrieve()
                        .body(String.class))
                .doesNotContain(created.session().id().toString());
        String page = otherSchool
                .get()
                .uri("/observation/sessions/{id}", created.session().id())
                .retrieve()
                .body(String.class);
        assertThat(page)
                .contains(
                        "class=\"lessons\"",
                        "lesson-" + created.lessons().get(0).id(),
                        "lesson-" + created.lessons().get(1).id(),
                        teacher2.displayName());
        assertThat(otherSchool.get().uri("/observation").retrieve().body(String.class))
                .contains(topic);
    }

    @Test
    void theOrganiserReschedulesAndCancelsASessionAndNoOneElseMay() {
        Detail session = create("SEMINAR", LocalDate.now().plusDays(10), teacher1);
        UUID id = session.session().id();
        RestClient hostAdmin = SignedIn.as(port, account(a1, Role.SCHOOL_ADMIN));

        Detail moved = organiserHttp
                .patch()
                .uri("/api/observation/sessions/{id}", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("heldOn", LocalDate.now().plusDays(12).toString(), "location", "报告厅"))
                .retrieve()
                .body(Detail.class);

        assertThat(moved.session().heldOn()).isEqualTo(LocalDate.now().plusDays(12));
        assertThat(moved.session().topic()).isEqualTo(topic);
        assertThat(status(SignedIn.as(port, teacher1)
                        .patch()
                        .uri("/api/observation/sessions/{id}", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("topic", "改课题"))))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(SignedIn.as(port, account(a2, Role.SCHOOL_ADMIN))
                        .delete()
                        .uri("/api/observation/sessions/{id}", id)))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(SignedIn.as(port, account(b1, Role.ALLIANCE_ADMIN))
                        .delete()
                        .uri("/api/observation/sessions/{id}", id)))
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(SignedIn.as(port, observer1)
                        .delete()
                        .uri("/api/observation/sessions/{id}/observers/{a}", id, observer2.id())))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(SignedIn.as(port, observer1)
                        .delete()
                        .uri("/api/observation/sessions/{id}/observers/{a}", id, observer1.id())))
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(show(organiserHttp, session).observers())
                .extracting(Person::accountId)
                .containsExactly(observer2.id());
        assertThat(status(hostAdmin.delete().uri("/api/observation/sessions/{id}", id)))
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(status(organiserHttp.get().uri("/api/observation/sessions/{id}", id)))
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theSessionPageLetsTheOrganiserChangeAndCancelThroughForms() {
        Detail session = create("OPEN_LESSON", LocalDate.now().plusDays(5), teacher1);
        UUID id = session.session().id();

        assertThat(status(organiserHttp
                        .post()
                        .uri("/observation/sessions/{id}/change", id)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(SignedIn.form(
                                "topic",
                                topic,
                                "chapter",
                                "第五单元",
                                "heldOn",
                                LocalDate.now().plusDays(6).toString(),
                                "location",
                                "阶梯教室"))))
                .isEqualTo(HttpStatus.FOUND);

        assertThat(organiserHttp
                        .get()
                        .uri("/observation/sessions/{id}", id)
                        .retrieve()
                        .body(String.class))
                .contains("阶梯教室", "id=\"cancel-session\"");
        assertThat(SignedIn.as(port, observer1)
                        .get()
                        .uri("/observation/sessions/{id}", id)
                        .retrieve()
                        .body(String.class))
                .doesNotContain("id=\"cancel-session\"")
                .contains("id=\"withdraw\"");
        assertThat(status(organiserHttp
                        .post()
                        .uri("/observation/sessions/{id}/change", id)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(SignedIn.form("heldOn", "明天"))))
                .isEqualTo(HttpStatus.FOUND);
        assertThat(organiserHttp
                        .get()
                        .uri("/observation/sessions/{id}", id)
                        .retrieve()
                        .body(String.class))
                .contains("id=\"form-error\"", "日期格式应为");
        assertThat(status(organiserHttp.post().uri("/observation/sessions/{id}/cancel", id)))
                .isEqualTo(HttpStatus.FOUND);
        assertThat(status(organiserHttp.get().uri("/observation/sessions/{id}", id)))
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void invalidSessionsAreRefusedWithProblemDetails() {
        Account stranger = account(b1, Role.TEACHER);

        assertThat(status(organiserHttp
                        .post()
                        .uri("/api/observation/sessions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(form("SAME_TOPIC", LocalDate.now(), List.of(teacher1.username()), List.of()))))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status(organiserHttp
                        .post()
                        .uri("/api/observation/sessions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(form("OPEN_LESSON", LocalDate.now(), List.of(stranger.username()), List.of()))))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        Map<String, Object> badDate = form("OPEN_LESSON", LocalDate.now(), List.of(teacher1.username()), List.of());
        badDate.put("heldOn", "下周三");
        assertThat(status(organiserHttp
                        .post()
                        .uri("/api/observation/sessions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(badDate)))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        Map<String, Object> elsewhere = form("OPEN_LESSON", LocalDate.now(), List.of(teacher1.username()), List.of());
        elsewhere.put("hostSchoolId", a2.id().toString());
        assertThat(status(organiserHttp
                        .post()
                        .uri("/api/observation/sessions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(elsewhere)))
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void filesUploadedFromTheSessionInOneStepAreIngestedLinkedAndFoundByItsTopic() {
        Detail session = create("SAME_TOPIC", LocalDate.now(), teacher1, teacher2);
        UUID lesson = session.lessons().getFirst().id();
        RestClient teacher = SignedIn.as(port, teacher1);
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("lessonId", lesson.toString());
        form.add("video", new FileSystemResource(Fixtures.path("观摩课-片段.mp4")));
        form.add("plan", file("教案.txt", "教学目标：认识圆的各部分名称。"));
        form.add("evaluationRecords", file("评课记录一.txt", "评课：导入自然。"));
        form.add("evaluationRecords", file("评课记录二.txt", "评课：学生活动充分。"));

        Detail after = teacher.post()
                .uri("/api/observation/sessions/{id}/files", session.session().id())
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve()
                .body(Detail.class);

        Lesson first = after.lessons().getFirst();
        assertThat(first.files())
                .extracting(FileView::kind)
                .containsExactlyInAnyOrder("VIDEO", "PLAN", "EVALUATION_RECORD", "EVALUATION_RECORD");
        assertThat(first.video()).isNotNull();
        assertThat(after.lessons().get(1).files()).isEmpty();
        List<UUID> ids = first.files().stream().map(FileView::materialId).toList();
        await().atMost(Duration.ofSeconds(90))
                .until(() -> ids.stream()
                        .allMatch(id ->
                                materials.findById(id).orElseThrow().status().compareTo(MaterialStatus.EXTRACTING)
                                        > 0));
        Results found = SignedIn.as(port, observer1)
                .get()
                .uri("/api/search?q={q}", topic)
                .retrieve()
                .body(Results.class);
        assertThat(found.hits())
                .extracting(Hit::id)
                .containsExactlyInAnyOrderElementsOf(
                        ids.stream().map(UUID::toString).toList());
        assertThat(materials.findById(first.video().materialId()).orElseThrow().description())
                .contains("同课异构", "课题：" + topic, "章节：第五单元 圆");
        assertThat(status(SignedIn.as(port, account(a2, Role.TEACHER))
                        .post()
                        .uri(
                                "/api/observation/sessions/{id}/files",
                                session.session().id())
                        .contentType(MediaType.MULTIPART_FORM_DATA)
                        .body(new LinkedMultiValueMap<>(Map.of("plan", List.of(file("x.txt", "无关的人")))))))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(teacher.post()
                        .uri(
                                "/api/observation/sessions/{id}/files",
                                session.session().id())
                        .contentType(MediaType.MULTIPART_FORM_DATA)
                        .body(new LinkedMultiValueMap<>(Map.of("lessonId", List.of(lesson.toString()))))))
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aFileSharedWithTheUploadersSchoolOnlyIsNotShownToObserversOfOtherSchools() {
        Detail session = create("OPEN_LESSON", LocalDate.now(), teacher1);
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("plan", file("校内教案.txt", "仅本校可见的教案。"));
        form.add("sharing", "SCHOOL");
        SignedIn.as(port, teacher1)
                .post()
                .uri("/api/observation/sessions/{id}/files", session.session().id())
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve()
                .toBodilessEntity();

        assertThat(show(SignedIn.as(port, observer2), session).sessionFiles()).hasSize(1);
        String asOtherSchool = SignedIn.as(port, observer1)
                .get()
                .uri("/api/observation/sessions/{id}", session.session().id())
                .retrieve()
                .body(String.class);
        assertThat(asOtherSchool).doesNotContain("校内教案");
    }

    @Test
    void observersEvaluateOnTheRubricAndEachRoleSeesTheAveragesItMay() {
        Detail session = create("SAME_TOPIC", LocalDate.now().minusDays(1), teacher1, teacher2);
        Lesson lesson1 = session.lessons().get(0);
        Lesson lesson2 = session.lessons().get(1);
        List<Criterion> rubric = session.rubric();

        evaluate(SignedIn.as(port, observer1), lesson1, scores(rubric, 18), "目标明确");
        evaluate(SignedIn.as(port, observer2), lesson1, scores(rubric, 16), "过程流畅");
        evaluate(SignedIn.as(port, observer1), lesson2, scores(rubric, 12), "学生活动偏少");
        evaluate(SignedIn.as(port, observer1), lesson2, scores(rubric, 14), "改后再评");

        Detail detail = show(organiserHttp, session);
        assertThat(detail.lessons().get(0).averages())
                .extracting(Average::criterion, Average::average, Average::evaluations)
                .contains(tuple("教学目标", 17.0, 2));
        assertThat(detail.lessons().get(1).evaluations())
                .extracting(Evaluation::comment, Evaluation::total)
                .containsExactly(tuple("改后再评", 70));
        Aggregates all = aggregates(SignedIn.as(port, account(a2, Role.ALLIANCE_ADMIN)));
        assertThat(all.perTeacher())
                .filteredOn(a -> a.criterion().equals("教学效果"))
                .extracting(Average::ofId, Average::average)
                .containsExactlyInAnyOrder(tuple(teacher1.id(), 17.0), tuple(teacher2.id(), 14.0));
        assertThat(all.perSchool())
                .filteredOn(a -> a.criterion().equals("教学效果"))
                .extracting(Average::ofId, Average::average)
                .containsExactlyInAnyOrder(tuple(a1.id(), 17.0), tuple(a2.id(), 14.0));
        Aggregates schoolAdmin = aggregates(SignedIn.as(port, account(a2, Role.SCHOOL_ADMIN)));
        assertThat(schoolAdmin.perTeacher()).extracting(Average::ofId).containsOnly(teacher2.id());
        assertThat(schoolAdmin.perSchool()).extracting(Average::ofId).containsOnly(a2.id());
        Aggregates own = aggregates(SignedIn.as(port, teacher1));
        assertThat(own.perTeacher()).extracting(Average::ofId).containsOnly(teacher1.id());
        assertThat(own.perSchool()).isEmpty();
        assertThat(aggregates(SignedIn.as(port, account(b1, Role.ALLIANCE_ADMIN)))
                        .perTeacher())
                .isEmpty();
        assertThat(SignedIn.as(port, account(a1, Role.ALLIANCE_ADMIN))
                        .get()
                        .uri("/observation/stats")
                        .retrieve()
                        .body(String.class))
                .contains(teacher1.displayName(), "17.0");
    }

    @Test
    void onlyObserversEvaluateAndOnlyValidScoresAreAccepted() {
        Detail session = create("OPEN_LESSON", LocalDate.now(), teacher1);
        Lesson lesson = session.lessons().getFirst();
        Map<String, Object> valid = Map.of("scores", scores(session.rubric(), 10), "comment", "好");
        Map<UUID, Integer> tooHigh = scores(session.rubric(), 10);
        tooHigh.put(session.rubric().getFirst().id(), 21);
        Map<UUID, Integer> missing = scores(session.rubric(), 10);
        missing.remove(session.rubric().getLast().id());

        assertThat(evaluation(SignedIn.as(port, teacher1), lesson, valid)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(evaluation(SignedIn.as(port, account(a2, Role.TEACHER)), lesson, valid))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(evaluation(SignedIn.as(port, account(b1, Role.TEACHER)), lesson, valid))
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(evaluation(SignedIn.as(port, observer1), lesson, Map.of("scores", tooHigh)))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(evaluation(SignedIn.as(port, observer1), lesson, Map.of("scores", missing)))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(evaluation(SignedIn.as(port, observer1), lesson, valid)).isEqualTo(HttpStatus.CREATED);
        Lesson notYetHeld = create("OPEN_LESSON", LocalDate.now().plusDays(2), teacher1)
                .lessons()
                .getFirst();
        assertThat(evaluation(SignedIn.as(port, observer1), notYetHeld, valid)).isEqualTo(HttpStatus.BAD_REQUEST);
        Account latecomer = account(a2, Role.TEACHER);
        RestClient latecomerHttp = SignedIn.as(port, latecomer);
        latecomerHttp
                .post()
                .uri(
                        "/api/observation/sessions/{id}/observers",
                        session.session().id())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of())
                .retrieve()
                .toBodilessEntity();
        assertThat(evaluation(latecomerHttp, lesson, valid)).isEqualTo(HttpStatus.CREATED);
        assertThat(status(latecomerHttp
                        .post()
                        .uri(
                                "/api/observation/sessions/{id}/observers",
                                session.session().id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("username", observer1.username()))))
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void allianceAdministratorsConfigureTheRubricOfTheirAllianceOnly() {
        RestClient admin = SignedIn.as(port, account(a1, Role.ALLIANCE_ADMIN));
        List<Criterion> before =
                List.of(admin.get().uri("/api/observation/rubric").retrieve().body(Criterion[].class));

        List<Criterion> after = List.of(admin.put()
                .uri("/api/observation/rubric")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "criteria",
                        List.of(Map.of("name", "教学目标", "maxScore", 30), Map.of("name", "信息技术融合", "maxScore", 10))))
                .retrieve()
                .body(Criterion[].class));

        assertThat(after)
                .extracting(Criterion::name, Criterion::maxScore)
                .containsExactly(tuple("教学目标", 30), tuple("信息技术融合", 10));
        assertThat(after.getFirst().id()).isEqualTo(before.getFirst().id());
        assertThat(List.of(SignedIn.as(port, teacher2)
                        .get()
                        .uri("/api/observation/rubric")
                        .retrieve()
                        .body(Criterion[].class)))
                .extracting(Criterion::name)
                .containsExactly("教学目标", "信息技术融合");
        assertThat(List.of(SignedIn.as(port, account(b1, Role.TEACHER))
                        .get()
                        .uri("/api/observation/rubric")
                        .retrieve()
                        .body(Criterion[].class)))
                .hasSize(5);
        assertThat(status(SignedIn.as(port, account(a1, Role.SCHOOL_ADMIN))
                        .put()
                        .uri("/api/observation/rubric")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("criteria", List.of(Map.of("name", "只有一项", "maxScore", 10))))))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(admin.put()
                        .uri("/api/observation/rubric")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("criteria", List.of(Map.of("name", "满分太高", "maxScore", 1000))))))
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aCommentPinnedToAMomentOfTheVideoRendersALinkThatSeeksThePlayer() {
        Detail session = create("DEMONSTRATION", LocalDate.now(), teacher1);
        Lesson lesson = session.lessons().getFirst();
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("lessonId", lesson.id().toString());
        form.add("video", new FileSystemResource(Fixtures.path("观摩课-片段.mp4")));
        form.add("plan", file("教案.txt", "示范课教案。"));
        Detail uploaded = SignedIn.as(port, teacher1)
                .post()
                .uri("/api/observation/sessions/{id}/files", session.session().id())
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve()
                .body(Detail.class);
        UUID video = uploaded.lessons().getFirst().video().materialId();
        UUID plan = uploaded.lessons().getFirst().files().stream()
                .filter(f -> f.kind().equals("PLAN"))
                .findFirst()
                .orElseThrow()
                .materialId();
        RestClient observer = SignedIn.as(port, observer1);

        observer.post()
                .uri("/observation/lessons/{id}/moments", lesson.id())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(SignedIn.form("videoId", video.toString(), "seconds", "0:02", "body", "这里的提问很好"))
                .retrieve()
                .toBodilessEntity();

        assertThat(show(observer, session).lessons().getFirst().moments())
                .extracting(Moment::seconds, Moment::body, Moment::videoId)
                .containsExactly(tuple(2, "这里的提问很好", video));
        String page = observer.get()
                .uri("/observation/sessions/{id}", session.session().id())
                .retrieve()
                .body(String.class);
        assertThat(page)
                .contains(
                        "id=\"video-" + lesson.id() + "\"",
                        "data-seconds=\"2\"",
                        "data-video=\"video-" + lesson.id() + "\"",
                        "0:02",
                        "/observation.js");
        assertThat(status(observer.post()
                        .uri("/api/observation/lessons/{id}/moments", lesson.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("videoId", plan, "seconds", 5, "body", "不是视频"))))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status(SignedIn.as(port, account(a2, Role.TEACHER))
                        .post()
                        .uri("/api/observation/lessons/{id}/moments", lesson.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("videoId", video, "seconds", 5, "body", "旁观者"))))
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    @EnabledIf("ffmpegInstalled")
    void aMomentPastTheEndOfTheVideoIsRefusedOnceItsLengthIsKnown() {
        Detail session = create("OPEN_LESSON", LocalDate.now(), teacher1);
        Lesson lesson = session.lessons().getFirst();
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("lessonId", lesson.id().toString());
        form.add("video", new FileSystemResource(Fixtures.path("观摩课-片段.mp4")));
        UUID video = SignedIn.as(port, teacher1)
                .post()
                .uri("/api/observation/sessions/{id}/files", session.session().id())
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve()
                .body(Detail.class)
                .lessons()
                .getFirst()
                .video()
                .materialId();
        String sha256 = materials.findById(video).orElseThrow().sha256();
        await().atMost(Duration.ofSeconds(90)).until(() -> media.of(sha256).isPresent());
        RestClient observer = SignedIn.as(port, observer1);

        assertThat(pin(observer, lesson, video, 600)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(pin(observer, lesson, video, 2)).isEqualTo(HttpStatus.CREATED);
    }

    private static HttpStatusCode pin(RestClient http, Lesson lesson, UUID video, int seconds) {
        return status(http.post()
                .uri("/api/observation/lessons/{id}/moments", lesson.id())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("videoId", video, "seconds", seconds, "body", "第 " + seconds + " 秒")));
    }

    static boolean ffmpegInstalled() {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, "ffprobe")));
    }

    @Test
    void eachSchoolsSessionsHostedAndAttendedAreCountedForADateRange() {
        LocalDate day = LocalDate.of(2026, 3, 18);
        create("OPEN_LESSON", day, teacher1);
        create("SEMINAR", day.plusDays(7), teacher2);
        create("SEMINAR", day.plusYears(1), teacher1);
        SignedIn.as(port, teacher2)
                .post()
                .uri("/api/observation/sessions")
                .contentType(MediaType.APPLICATION_JSON)
                .body(form("OPEN_LESSON", day.plusDays(3), List.of(teacher2.username()), List.of(observer2.username())))
                .retrieve()
                .toBodilessEntity();

        List<SchoolSessionCount> counts = sessionCounts.between(a1.allianceId(), day, day.plusMonths(4));

        assertThat(counts)
                .extracting(SchoolSessionCount::schoolId, SchoolSessionCount::hosted, SchoolSessionCount::attended)
                .containsExactly(tuple(a1.id(), 2L, 1L), tuple(a2.id(), 1L, 2L));
        assertThat(List.of(organiserHttp
                        .get()
                        .uri("/api/observation/counts?from=2026-03-01&to=2026-04-01")
                        .retrieve()
                        .body(SchoolSessionCount[].class)))
                .extracting(SchoolSessionCount::schoolId, SchoolSessionCount::hosted, SchoolSessionCount::attended)
                .containsExactly(tuple(a1.id(), 2L, 1L), tuple(a2.id(), 1L, 2L));
        assertThat(List.of(organiserHttp
                        .get()
                        .uri("/api/observation/sessions?school={s}&from=2026-03-01&to=2026-04-01", a2.id())
                        .retrieve()
                        .body(Summary[].class)))
                .hasSize(3);
        assertThat(status(organiserHttp.get().uri("/api/observation/counts?from=三月")))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(organiserHttp
                        .get()
                        .uri("/observation/stats?from=2026-03-01&to=2026-04-01")
                        .retrieve()
                        .body(String.class))
                .contains(a1.name(), "<td>2</td>", "value=\"2026-03-01\"");
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReportRow(String key, List<Object> cells) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Report(String id, List<ReportRow> rows) {}

    @Test
    void theSemesterReportCountsSessionsHostedAndAttendedWithinTheViewersReach() throws java.io.IOException {
        // 2026-03-18 is in the second semester of the school year 2025–2026.
        create("OPEN_LESSON", LocalDate.of(2026, 3, 18), teacher1);
        create("SEMINAR", LocalDate.of(2026, 9, 18), teacher1); // next semester: not counted
        RestClient allianceAdmin = SignedIn.as(port, account(a1, Role.ALLIANCE_ADMIN));

        Report all = allianceAdmin
                .get()
                .uri("/api/reports/observation-sessions?semester=2025-2")
                .retrieve()
                .body(Report.class);
        Report school = SignedIn.as(port, account(a2, Role.SCHOOL_ADMIN))
                .get()
                .uri("/api/reports/observation-sessions?semester=2025-2")
                .retrieve()
                .body(Report.class);
        Report own = SignedIn.as(port, observer1)
                .get()
                .uri("/api/reports/observation-sessions?semester=2025-2")
                .retrieve()
                .body(Report.class);
        Report elsewhere = SignedIn.as(port, account(b1, Role.ALLIANCE_ADMIN))
                .get()
                .uri("/api/reports/observation-sessions?semester=2025-2")
                .retrieve()
                .body(Report.class);

        assertThat(all.rows())
                .extracting(
                        ReportRow::key, r -> r.cells().get(1), r -> r.cells().get(2))
                .containsExactly(tuple(a1.id().toString(), 1, 0), tuple(a2.id().toString(), 0, 1));
        assertThat(school.rows())
                .extracting(
                        ReportRow::key, r -> r.cells().get(1), r -> r.cells().get(2))
                .containsExactly(tuple(a2.id().toString(), 0, 1));
        assertThat(own.rows())
                .extracting(
                        ReportRow::key, r -> r.cells().get(1), r -> r.cells().get(2))
                .containsExactly(tuple(observer1.id().toString(), 0, 1));
        assertThat(SignedIn.as(port, teacher2)
                        .get()
                        .uri("/api/reports/observation-sessions?semester=2025-2")
                        .retrieve()
                        .body(Report.class)
                        .rows())
                .isEmpty();
        assertThat(elsewhere.rows())
                .extracting(ReportRow::key)
                .containsExactly(b1.id().toString());
        byte[] pdf = allianceAdmin
                .get()
                .uri("/api/reports/alliance.pdf?semester=2025-2")
                .retrieve()
                .body(byte[].class);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("主办观摩课", "参加其他学校的观摩课");
        }
    }

    private Detail create(String kind, LocalDate day, Account... teachers) {
        return organiserHttp
                .post()
                .uri("/api/observation/sessions")
                .contentType(MediaType.APPLICATION_JSON)
                .body(form(
                        kind,
                        day,
                        java.util.Arrays.stream(teachers).map(Account::username).toList(),
                        List.of(observer1.username() + "，" + observer2.username())))
                .retrieve()
                .body(Detail.class);
    }

    private Map<String, Object> form(String kind, LocalDate day, List<String> teachers, List<String> observers) {
        Map<String, Object> form = new HashMap<>();
        form.put("kind", kind);
        form.put("topic", topic);
        form.put("subject", "数学");
        form.put("grade", "六年级");
        form.put("chapter", "第五单元 圆");
        form.put("heldOn", day.toString());
        form.put("location", "录播教室");
        form.put("teachers", teachers);
        form.put("observers", observers);
        return form;
    }

    private static Map<UUID, Integer> scores(List<Criterion> rubric, int each) {
        Map<UUID, Integer> scores = new HashMap<>();
        rubric.forEach(c -> scores.put(c.id(), each));
        return scores;
    }

    private static void evaluate(RestClient http, Lesson lesson, Map<UUID, Integer> scores, String comment) {
        http.post()
                .uri("/api/observation/lessons/{id}/evaluations", lesson.id())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("scores", scores, "comment", comment))
                .retrieve()
                .toBodilessEntity();
    }

    private static HttpStatusCode evaluation(RestClient http, Lesson lesson, Map<String, Object> body) {
        return status(http.post()
                .uri("/api/observation/lessons/{id}/evaluations", lesson.id())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body));
    }

    private static Detail show(RestClient http, Detail session) {
        return http.get()
                .uri("/api/observation/sessions/{id}", session.session().id())
                .retrieve()
                .body(Detail.class);
    }

    private static Aggregates aggregates(RestClient http) {
        return http.get().uri("/api/observation/aggregates").retrieve().body(Aggregates.class);
    }

    private Account account(School school, Role role) {
        return SignedIn.account(accounts, passwordEncoder, school, role);
    }

    private static ByteArrayResource file(String name, String content) {
        return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private static HttpStatusCode status(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, response) -> response.getStatusCode());
    }
}
