package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.client.RestClient;

/** The demo alliance comes with a preparation group and package, a past 同课异构 and an upcoming session. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"lessoncommons.seed.enabled=true", "lessoncommons.embedded.data-dir=target/test-data-seed"})
class TeachingActivitySeedIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Group(UUID id, String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Summary(UUID id) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record GroupDetail(List<Summary> packages) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(String title) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PackageDetail(String topic, int planVersion, List<Item> items) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Evaluation(int total) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Lesson(List<Evaluation> evaluations) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Session(UUID id, String kind, String topic, boolean upcoming) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Detail(List<Lesson> lessons) {}

    @Test
    void theDemoTeachersFindTheirGroupPackageAndSessionsOnceOnly() throws Exception {
        context.getBean("preparationSeed", ApplicationRunner.class).run(new DefaultApplicationArguments());
        context.getBean("observationSeed", ApplicationRunner.class).run(new DefaultApplicationArguments());
        RestClient teacher = SignedIn.as(port, "teacher1", "demo2026");

        List<Group> groups =
                List.of(teacher.get().uri("/api/preparation/groups").retrieve().body(Group[].class));
        List<Session> sessions = List.of(
                teacher.get().uri("/api/observation/sessions").retrieve().body(Session[].class));

        assertThat(groups).extracting(Group::name).containsExactly("三年级数学联盟备课组");
        GroupDetail group = teacher.get()
                .uri("/api/preparation/groups/{id}", groups.getFirst().id())
                .retrieve()
                .body(GroupDetail.class);
        PackageDetail pkg = teacher.get()
                .uri(
                        "/api/preparation/packages/{id}",
                        group.packages().getFirst().id())
                .retrieve()
                .body(PackageDetail.class);
        assertThat(pkg.topic()).isEqualTo("分数的初步认识");
        assertThat(pkg.planVersion()).isEqualTo(2);
        assertThat(pkg.items()).extracting(Item::title).contains("分数的初步认识（第一课时）", "分数的初步认识 课堂练习");
        assertThat(sessions)
                .extracting(Session::kind, Session::upcoming)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("SAME_TOPIC", false),
                        org.assertj.core.groups.Tuple.tuple("SEMINAR", true));
        Detail sameTopic = teacher.get()
                .uri("/api/observation/sessions/{id}", sessions.getFirst().id())
                .retrieve()
                .body(Detail.class);
        assertThat(sameTopic.lessons())
                .hasSize(2)
                .allSatisfy(l -> assertThat(l.evaluations()).hasSize(2));
        assertThat(teacher.get().uri("/observation/stats").retrieve().body(String.class))
                .contains("城南第二小学");
    }
}
