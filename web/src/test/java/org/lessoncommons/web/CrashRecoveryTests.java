package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The app is killed with SIGKILL while uploads are still being extracted, then started again on
 * the same data: every acknowledged upload ends up searchable, and none is indexed twice.
 */
class CrashRecoveryTests {

    private static final int UPLOADS = 12;

    private final ChildApp app = new ChildApp("--lessoncommons.ingest.poll-interval=200ms");

    @JsonIgnoreProperties(ignoreUnknown = true)
    record School(String id, String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Created(String id, String status) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hit(String id) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Results(long total, List<Hit> hits) {}

    @AfterEach
    void stop() throws InterruptedException {
        app.close();
    }

    @Test
    void uploadsAcknowledgedBeforeAKillAreAllIndexedOnceAfterARestart() throws Exception {
        RestClient http = app.start().awaitHealthy("alliance");
        String school = http.get()
                .uri("/api/schools")
                .retrieve()
                .body(School[].class)[0]
                .id();
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            acknowledged.add(upload(http, school, i).id());
        }
        long pendingAtKill = acknowledged.stream()
                .filter(id -> !"INDEXED".equals(status(http, id)))
                .count();

        app.kill();
        RestClient restarted = app.start().awaitHealthy("alliance");
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> acknowledged.stream().allMatch(id -> "INDEXED".equals(status(restarted, id))));

        assertThat(pendingAtKill).isPositive();
        for (int i = 0; i < UPLOADS; i++) {
            Results hits =
                    restarted.get().uri("/api/search?q={w}", word(i)).retrieve().body(Results.class);
            assertThat(hits.hits()).extracting(Hit::id).containsExactly(acknowledged.get(i));
        }
        Results everything =
                restarted.get().uri("/api/search?size=100").retrieve().body(Results.class);
        assertThat(everything.hits())
                .extracting(Hit::id)
                .doesNotHaveDuplicates()
                .containsAll(acknowledged);
    }

    private static Created upload(RestClient http, String school, int i) {
        String body = "第" + (i + 1) + "份集体备课记录：" + word(i) + "。\n" + "三年级语文组 教学反思与改进。\n".repeat(50);
        var form = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource(body.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "备课记录-" + i + ".txt";
            }
        });
        form.add("subject", "语文");
        form.add("grade", "三年级");
        form.add("resourceType", "教案");
        form.add("schoolId", school);
        return http.post()
                .uri("/api/materials")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve()
                .body(Created.class);
    }

    private static String status(RestClient http, String id) {
        return http.get()
                .uri("/api/materials/{id}", id)
                .retrieve()
                .body(Created.class)
                .status();
    }

    /** A made-up word per upload, so each search has exactly one right answer. */
    private static String word(int i) {
        String[] animals = {"鹦鹉", "骆驼", "孔雀", "熊猫", "海豚", "企鹅", "袋鼠", "斑马", "长颈鹿", "刺猬", "松鼠", "蜻蜓"};
        return "恢复测试" + animals[i % animals.length];
    }
}
