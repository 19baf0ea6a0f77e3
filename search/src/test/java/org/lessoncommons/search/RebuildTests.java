package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lessoncommons.search.SampleMaterials.material;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A full rebuild re-adds every material while searches keep answering, then drops the stale. */
class RebuildTests {

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private SearchIndex index = new SearchIndex(directory);

    @AfterEach
    void close() throws IOException {
        index.close();
        directory.close();
    }

    @Test
    void searchesFindEveryMaterialThroughoutARebuildAndOnlyTheStaleLeave() throws Exception {
        List<IndexedMaterial> all = exercises(600);
        index.indexAll(all);
        index.index(material("deleted-meanwhile", "口算练习 旧版", "口算：1 + 1 = ？"));
        AtomicBoolean rebuilding = new AtomicBoolean(true);
        AtomicLong fewest = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger searches = new AtomicInteger();
        CompletableFuture<Void> searching = CompletableFuture.runAsync(() -> {
            while (rebuilding.get()) {
                fewest.accumulateAndGet(index.search(SearchQuery.of("口算")).totalHits(), Math::min);
                searches.incrementAndGet();
            }
        });

        long stamp = index.beginRebuild();
        for (int from = 0; from < all.size(); from += 50) {
            index.indexAll(all.subList(from, from + 50));
            if (from == 300) {
                index.index(material("uploaded-meanwhile", "口算练习 新版", "口算：2 + 2 = ？"));
            }
        }
        Set<String> live = all.stream().map(IndexedMaterial::id).collect(Collectors.toSet());
        int removed = index.removeStale(stamp, live);
        rebuilding.set(false);
        searching.get();

        assertThat(searches.get()).isPositive();
        assertThat(fewest.get()).isGreaterThanOrEqualTo(601);
        assertThat(removed).isEqualTo(1);
        assertThat(index.contains("deleted-meanwhile")).isFalse();
        assertThat(index.contains("uploaded-meanwhile")).isTrue();
        assertThat(index.count()).isEqualTo(601);
    }

    @Test
    void keepsAMaterialWrittenBeforeTheRebuildThatStillExists() {
        index.index(material("being-ingested", "口算练习", "口算：3 + 3 = ？"));
        index.index(material("gone", "口算练习", "口算：4 + 4 = ？"));

        long stamp = index.beginRebuild();
        int removed = index.removeStale(stamp, Set.of("being-ingested"));

        assertThat(removed).isEqualTo(1);
        assertThat(index.contains("being-ingested")).isTrue();
        assertThat(index.contains("gone")).isFalse();
    }

    @Test
    void aRebuildAfterARestartStillSeesOlderWritesAsOlder() throws IOException {
        long first = index.beginRebuild();
        index.index(material("old", "口算练习", "口算"));
        index.close();
        index = new SearchIndex(directory);

        long second = index.beginRebuild();
        int removed = index.removeStale(second, Set.of());

        assertThat(second).isGreaterThan(first);
        assertThat(removed).isEqualTo(1);
        assertThat(index.count()).isZero();
    }

    @Test
    void anIndexWrittenWithOtherFieldsIsStaleUntilARebuildEnds() throws IOException {
        assertThat(index.currentLayout()).as("a new index").isTrue();
        index.close();
        // What an earlier version left: documents, and no layout recorded in the commit.
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.setLiveCommitData(Map.of("layout", "1").entrySet());
            writer.addDocument(MaterialDocument.of(material("gone", "口算练习 旧版", "口算"), 0));
            writer.commit();
        }
        index = new SearchIndex(directory);
        assertThat(index.currentLayout()).isFalse();

        long stamp = index.beginRebuild();
        index.indexAll(exercises(3));
        index.removeStale(stamp, Set.of("exercise-0", "exercise-1", "exercise-2"));
        assertThat(index.currentLayout()).isTrue();

        index.close();
        index = new SearchIndex(directory);
        assertThat(index.currentLayout()).as("after a restart").isTrue();
        assertThat(index.count()).isEqualTo(3);
    }

    private static List<IndexedMaterial> exercises(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> material(
                        "exercise-" + i,
                        "二年级口算练习 第" + (i + 1) + "套",
                        "口算：" + i + " + 25 = ？",
                        "math",
                        "g2",
                        "exercise",
                        "school-1",
                        Instant.parse("2025-09-01T00:00:00Z").plusSeconds(60L * i)))
                .toList();
    }
}
