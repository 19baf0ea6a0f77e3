package org.lessoncommons.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lessoncommons.IngestTestApplication;
import org.lessoncommons.search.Audience;
import org.lessoncommons.search.IndexedMaterial;
import org.lessoncommons.search.SearchIndex;
import org.lessoncommons.search.SearchQuery;
import org.lessoncommons.search.Sharing;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
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

/** A full rebuild from PostgreSQL and the object store while searches keep answering. */
@SpringBootTest(classes = IngestTestApplication.class)
class ReindexingIntegrationTests {

    @Autowired
    Ingestion ingestion;

    @Autowired
    Materials materials;

    @Autowired
    SearchIndex index;

    @Autowired
    Reindexing reindexing;

    @Autowired
    Deletions deletions;

    @Autowired
    Alliances alliances;

    @Autowired
    Schools schools;

    School school;
    String word;

    @BeforeEach
    void setUp() {
        Alliance alliance = alliances.save(Alliance.named("联盟 " + UUID.randomUUID()));
        school = schools.save(School.of(alliance, "城南实验小学 " + UUID.randomUUID(), School.Membership.CORE));
        word = "重建"
                + Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()), 36)
                        .replaceAll("[0-9]", "");
    }

    @Test
    void searchesKeepFindingEveryMaterialWhileTheIndexIsRebuiltAndLeftoversLeave() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(accept(word + " 第" + (i + 1) + "课 教学设计").id());
        }
        ids.forEach(id -> awaitStatus(id, MaterialStatus.INDEXED));
        String leftover = UUID.randomUUID().toString();
        index.index(new IndexedMaterial(
                leftover,
                word + " 数据库里已经没有的资源",
                word,
                "CHINESE",
                "GRADE_1",
                "LESSON_PLAN",
                school.id().toString(),
                school.name(),
                school.allianceId().toString(),
                null,
                Sharing.ALLIANCE,
                "gone.txt",
                "text/plain",
                Instant.now()));
        AtomicBoolean rebuilding = new AtomicBoolean(true);
        AtomicLong fewest = new AtomicLong(Long.MAX_VALUE);
        CompletableFuture<Void> searching = CompletableFuture.runAsync(() -> {
            while (rebuilding.get()) {
                fewest.accumulateAndGet(
                        index.search(SearchQuery.of(word, Audience.everything()))
                                .totalHits(),
                        Math::min);
            }
        });

        int rebuilt = reindexing.rebuild();
        rebuilding.set(false);
        searching.get();

        assertThat(rebuilt).isGreaterThanOrEqualTo(5);
        assertThat(fewest.get()).isGreaterThanOrEqualTo(5);
        assertThat(index.contains(leftover)).isFalse();
        assertThat(index.search(SearchQuery.of(word, Audience.everything())).hits())
                .extracting(hit -> UUID.fromString(hit.id()))
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aRebuildLeavesDeletedMaterialsOut() {
        Material kept = accept(word + " 保留的教案");
        Material deleted = accept(word + " 删除的教案");
        awaitStatus(kept.id(), MaterialStatus.INDEXED);
        awaitStatus(deleted.id(), MaterialStatus.INDEXED);
        deletions.delete(deleted.id());

        reindexing.rebuild();

        assertThat(index.contains(kept.id().toString())).isTrue();
        assertThat(index.contains(deleted.id().toString())).isFalse();
    }

    @Test
    void anEmptiedIndexIsRebuiltWhenTheAppStarts() {
        Material material = accept(word + " 教学设计");
        awaitStatus(material.id(), MaterialStatus.INDEXED);
        index.removeAll();

        reindexing.rebuildWhenIndexIsBehind();

        assertThat(index.search(SearchQuery.of(word, Audience.everything())).hits())
                .extracting(hit -> hit.id())
                .contains(material.id().toString());
    }

    private Material accept(String title) {
        byte[] text = (title + "\n教学目标：有感情地朗读课文。").getBytes(StandardCharsets.UTF_8);
        return ingestion.accept(new Upload(
                "教案.txt",
                new ByteArrayInputStream(text),
                school.id(),
                null,
                title,
                "",
                Subject.CHINESE,
                Grade.GRADE_1,
                ResourceType.LESSON_PLAN));
    }

    private void awaitStatus(UUID id, MaterialStatus status) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> materials.findById(id).orElseThrow().status() == status);
    }
}
