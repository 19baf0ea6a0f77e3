package org.lessoncommons.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lessoncommons.IngestTestApplication;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.Blob;
import org.lessoncommons.storage.Blobs;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.MaterialStatus;
import org.lessoncommons.storage.Materials;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.Sharing;
import org.lessoncommons.storage.Subject;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The queue's own guarantees, with the workers stopped so nothing else claims the jobs. */
@SpringBootTest(classes = IngestTestApplication.class)
class IngestQueueIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IngestWorker worker;

    @Autowired
    Materials materials;

    @Autowired
    Blobs blobs;

    @Autowired
    Alliances alliances;

    @Autowired
    Schools schools;

    IngestQueue queue;
    UUID materialId;

    @AfterEach
    void restartWorkers() {
        worker.start();
    }

    @BeforeEach
    void setUp() {
        worker.stop();
        jdbc.sql("DELETE FROM ingest_job").update();
        queue = new IngestQueue(jdbc, Duration.ofSeconds(1));
        materialId = material();
        queue.enqueue(materialId);
    }

    @Test
    void aClaimedJobIsInvisibleUntilItsLeaseRunsOut() throws InterruptedException {
        var first = queue.claim();
        var whileLeased = queue.claim();
        Thread.sleep(1500);
        var afterLease = queue.claim();

        assertThat(first).hasValueSatisfying(job -> assertThat(job.attempts()).isEqualTo(1));
        assertThat(whileLeased).isEmpty();
        assertThat(afterLease).hasValueSatisfying(job -> {
            assertThat(job.materialId()).isEqualTo(materialId);
            assertThat(job.attempts()).isEqualTo(2);
        });
    }

    @Test
    void aRetriedJobWaitsForItsBackoffAndKeepsTheError() {
        queue.claim();

        queue.retryLater(materialId, Duration.ofHours(1), "对象存储暂时不可用");

        assertThat(queue.claim()).isEmpty();
        assertThat(queue.lastError(materialId)).isEqualTo("对象存储暂时不可用");
    }

    @Test
    void completingRemovesTheJobAndEnqueueingTwiceKeepsOne() {
        queue.enqueue(materialId);
        assertThat(queue.pending()).isEqualTo(1);

        queue.complete(materialId);

        assertThat(queue.pending()).isZero();
        assertThat(queue.claim()).isEmpty();
    }

    @Test
    void claimingMarksTheMaterialExtracting() {
        var claimed = queue.claim();

        assertThat(claimed).isPresent();
        assertThat(materials.findById(materialId).orElseThrow().status()).isEqualTo(MaterialStatus.EXTRACTING);
    }

    @Test
    void completingRecordsTheOutcomeAndDropsTheJobTogether() {
        queue.claim();

        queue.complete(materialId, MaterialStatus.INDEXED, null, "application/pdf");

        Material done = materials.findById(materialId).orElseThrow();
        assertThat(done.status()).isEqualTo(MaterialStatus.INDEXED);
        assertThat(done.contentType()).isEqualTo("application/pdf");
        assertThat(queue.pending()).isZero();
    }

    @Test
    void aRetryPutsTheMaterialBackToPendingWithTheError() {
        queue.claim();

        queue.retryLater(materialId, Duration.ofHours(1), "对象存储暂时不可用");

        Material pending = materials.findById(materialId).orElseThrow();
        assertThat(pending.status()).isEqualTo(MaterialStatus.PENDING);
        assertThat(pending.failureReason()).isEqualTo("对象存储暂时不可用");
    }

    @Test
    void releasingLeasesAtStartMakesJobsClaimedByAGoneRunClaimableAtOnce() {
        queue = new IngestQueue(jdbc, Duration.ofHours(1));
        queue.claim();

        int released = queue.releaseLeases();

        assertThat(released).isEqualTo(1);
        assertThat(queue.claim())
                .hasValueSatisfying(job -> assertThat(job.attempts()).isEqualTo(2));
    }

    private UUID material() {
        Alliance alliance = alliances.save(Alliance.named("联盟 " + UUID.randomUUID()));
        School school = schools.save(School.of(alliance, "学校", School.Membership.MEMBER));
        String sha = UUID.randomUUID().toString().replace("-", "").repeat(2);
        blobs.save(new Blob(sha, "blobs/" + UUID.randomUUID(), 3, "text/plain", Instant.now()));
        Instant now = Instant.now();
        return materials
                .save(new Material(
                        UUID.randomUUID(),
                        school.id(),
                        null,
                        "标题",
                        "",
                        Subject.MATH,
                        Grade.GRADE_3,
                        ResourceType.TEST_PAPER,
                        "a.txt",
                        "text/plain",
                        3,
                        sha,
                        MaterialStatus.PENDING,
                        null,
                        now,
                        now,
                        Sharing.ALLIANCE,
                        null,
                        null))
                .id();
    }
}
