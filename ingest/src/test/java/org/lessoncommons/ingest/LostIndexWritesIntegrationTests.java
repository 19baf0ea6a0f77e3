package org.lessoncommons.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lessoncommons.IngestTestApplication;
import org.lessoncommons.search.Audience;
import org.lessoncommons.search.SearchHit;
import org.lessoncommons.search.SearchIndex;
import org.lessoncommons.search.SearchQuery;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.BlobStore;
import org.lessoncommons.storage.Blobs;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.MaterialStatus;
import org.lessoncommons.storage.Materials;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.Subject;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A material is recorded INDEXED only once the index commit holding it is durable: when the index
 * writes of a run are lost before their commit (as in a crash), the job is still queued, and the
 * next run indexes the material, once.
 */
@SpringBootTest(classes = IngestTestApplication.class)
class LostIndexWritesIntegrationTests {

    private static final String WORD = "失而复得的索引";

    @Autowired
    IngestWorker worker;

    @Autowired
    Ingestion ingestion;

    @Autowired
    IngestQueue queue;

    @Autowired
    Materials materials;

    @Autowired
    Blobs blobs;

    @Autowired
    BlobStore blobStore;

    @Autowired
    TextExtractor extractor;

    @Autowired
    IngestProperties properties;

    @Autowired
    Media media;

    @Autowired
    Renditions renditions;

    @Autowired
    Schools schools;

    @Autowired
    org.lessoncommons.storage.Downloads downloads;

    @Autowired
    Alliances alliances;

    @Autowired
    SearchIndex index;

    @Autowired
    JdbcClient jdbc;

    School school;

    @BeforeEach
    void stopTheWorkers() {
        worker.stop();
        jdbc.sql("DELETE FROM ingest_job").update();
        Alliance alliance = alliances.save(Alliance.named("联盟 " + UUID.randomUUID()));
        school = schools.save(School.of(alliance, "崩溃演练学校", School.Membership.MEMBER));
    }

    @AfterEach
    void restartTheWorkers() {
        if (!worker.isRunning()) {
            worker.start();
        }
    }

    @Test
    void aMaterialWhoseIndexWriteIsLostBeforeItsCommitIsIndexedOnceByTheNextRun() throws IOException {
        Material accepted = accept();
        LosingCommits directory = new LosingCommits();
        SearchIndex lost = new SearchIndex(directory);
        directory.losing = true;
        IngestWorker firstRun = new IngestWorker(
                queue,
                materials,
                blobs,
                blobStore,
                extractor,
                new Indexing(lost, blobStore, schools, downloads),
                properties,
                media,
                renditions);

        firstRun.run(queue.claim().orElseThrow());

        // The worker hands the document to its indexer thread and goes on; the group commit that
        // would make it durable (and searchable) fails.
        await().atMost(Duration.ofSeconds(10)).until(() -> directory.failedSyncs > 0);
        assertThatExceptionOfType(RuntimeException.class).isThrownBy(lost::commit);
        assertThat(lost.contains(accepted.id().toString())).isFalse();
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(5))
                .until(() -> status(accepted) == MaterialStatus.EXTRACTING);
        assertThat(queue.pending()).isEqualTo(1);

        worker.start();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> status(accepted) == MaterialStatus.INDEXED);
        assertThat(index.search(SearchQuery.of(WORD, Audience.everything())).hits())
                .extracting(SearchHit::id)
                .containsExactly(accepted.id().toString());
        assertThat(queue.pending()).isZero();
    }

    private Material accept() {
        byte[] text = ("第三单元集体备课：" + WORD + "。\n").repeat(20).getBytes(StandardCharsets.UTF_8);
        return ingestion.accept(new Upload(
                "备课记录-" + UUID.randomUUID() + ".txt",
                new ByteArrayInputStream(text),
                school.id(),
                null,
                null,
                "",
                Subject.CHINESE,
                Grade.GRADE_3,
                ResourceType.LESSON_PLAN));
    }

    private MaterialStatus status(Material material) {
        return materials.findById(material.id()).orElseThrow().status();
    }

    /** An index whose commits fail: its writes never become durable, as when the process dies first. */
    private static final class LosingCommits extends FilterDirectory {

        volatile boolean losing;
        volatile int failedSyncs;

        LosingCommits() {
            super(new ByteBuffersDirectory());
        }

        @Override
        public void sync(Collection<String> names) throws IOException {
            if (losing) {
                failedSyncs++;
                throw new IOException("lost before the commit");
            }
            super.sync(names);
        }
    }
}
