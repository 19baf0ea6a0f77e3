package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.lessoncommons.search.SampleMaterials.FRACTIONS_LESSON;
import static org.lessoncommons.search.SampleMaterials.PHOTOSYNTHESIS_EXAM;
import static org.lessoncommons.search.SampleMaterials.QUIET_NIGHT_POEM;
import static org.lessoncommons.search.SampleMaterials.material;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes are searchable at once, committed together, and reported durable only once committed. */
class GroupCommitTests {

    private static final GroupCommit.Timing NEVER = new GroupCommit.Timing(Duration.ofHours(1), Duration.ofHours(1));

    @TempDir
    Path temp;

    @Test
    void aWriteIsSearchableAtOnceButDurableOnlyWhenItsStageCompletes() throws IOException {
        Directory directory = new ByteBuffersDirectory();
        try (SearchIndex index = new SearchIndex(directory, true, NEVER)) {

            CompletableFuture<Void> durable =
                    index.index(material("poem", "古诗二首", QUIET_NIGHT_POEM)).toCompletableFuture();

            assertThat(index.contains("poem")).isTrue();
            assertThat(durable).isNotDone();
            assertThat(committedDocuments(directory)).isZero();

            index.commit();

            assertThat(durable).isCompleted();
            assertThat(committedDocuments(directory)).isEqualTo(1);
        }
    }

    @Test
    void aWriteForLaterBecomesSearchableWithTheCommitThatCompletesItsStage() throws IOException {
        Directory directory = new ByteBuffersDirectory();
        try (SearchIndex index = new SearchIndex(directory, true, NEVER)) {
            index.index(material("exam", "期中测试卷", PHOTOSYNTHESIS_EXAM));

            CompletableFuture<Void> done =
                    index.indexLater(material("poem", "古诗二首", QUIET_NIGHT_POEM)).toCompletableFuture();

            // Not refreshed per write: neither searchable nor durable until the group commit.
            assertThat(index.contains("poem")).isFalse();
            assertThat(done).isNotDone();

            index.commit();

            assertThat(done).isCompleted();
            assertThat(index.contains("poem")).isTrue();
            assertThat(index.search(SearchQuery.of("静夜思")).hits())
                    .extracting(SearchHit::id)
                    .containsExactly("poem");
            assertThat(committedDocuments(directory)).isEqualTo(2);
        }
    }

    @Test
    void writesForLaterShareOneRefreshAndAreSearchableWhenTheirStagesComplete() throws Exception {
        Directory directory = new ByteBuffersDirectory();
        try (SearchIndex index = new SearchIndex(directory, true)) {
            var stages = Stream.of(
                            material("poem", "古诗二首", QUIET_NIGHT_POEM),
                            material("exam", "期中测试卷", PHOTOSYNTHESIS_EXAM),
                            material("fractions", "三年级数学教案", FRACTIONS_LESSON))
                    .map(m -> index.indexLater(m).toCompletableFuture())
                    .toArray(CompletableFuture[]::new);

            CompletableFuture.allOf(stages).get(10, TimeUnit.SECONDS);

            assertThat(index.ids()).containsExactlyInAnyOrder("poem", "exam", "fractions");
            assertThat(committedDocuments(directory)).isEqualTo(3);
        }
    }

    @Test
    void writesThatComeTogetherShareOneCommitOnceTheyPause() throws Exception {
        Directory directory = new ByteBuffersDirectory();
        // A pause long enough that three writes in a row come together on a busy machine too.
        var timing = new GroupCommit.Timing(Duration.ofSeconds(2), Duration.ofHours(1));
        try (SearchIndex index = new SearchIndex(directory, true, timing)) {
            // The first write loads the analyzers and pinyin tables, which on a busy machine takes
            // longer than the pause: warm up so that the three writes below do come together.
            index.index(material("warm-up", "古诗", "床前明月光"))
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            long before = SegmentInfos.readLatestCommit(directory).getGeneration();

            var first = index.index(material("poem", "古诗二首", QUIET_NIGHT_POEM));
            var second = index.index(material("exam", "期中测试卷", PHOTOSYNTHESIS_EXAM));
            var third = index.index(material("fractions", "三年级数学教案", FRACTIONS_LESSON));
            CompletableFuture.allOf(
                            first.toCompletableFuture(), second.toCompletableFuture(), third.toCompletableFuture())
                    .get(10, TimeUnit.SECONDS);

            assertThat(SegmentInfos.readLatestCommit(directory).getGeneration()).isEqualTo(before + 1);
            assertThat(committedDocuments(directory)).isEqualTo(4);
        }
    }

    @Test
    void writesThatKeepComingAreCommittedWithinTheMaximumDelay() throws Exception {
        Directory directory = new ByteBuffersDirectory();
        var timing = new GroupCommit.Timing(Duration.ofHours(1), Duration.ofMillis(200));
        try (SearchIndex index = new SearchIndex(directory, true, timing)) {

            var durable = index.index(material("poem", "古诗二首", QUIET_NIGHT_POEM));

            durable.toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(committedDocuments(directory)).isEqualTo(1);
        }
    }

    @Test
    void aCrashLosesOnlyTheWritesWhoseStageHadNotCompleted() throws IOException {
        Path folder = temp.resolve("index");
        Path afterCrash = temp.resolve("after-crash");
        try (SearchIndex index = new SearchIndex(FSDirectory.open(folder), true, NEVER)) {
            var committed = index.index(material("poem", "古诗二首", QUIET_NIGHT_POEM));
            index.commit();
            var pending = index.index(material("exam", "期中测试卷", PHOTOSYNTHESIS_EXAM));

            copyAsAKillWouldLeaveIt(folder, afterCrash);

            assertThat(committed.toCompletableFuture()).isCompleted();
            assertThat(pending.toCompletableFuture()).isNotDone();
        }

        try (SearchIndex restarted = new SearchIndex(FSDirectory.open(afterCrash), true)) {

            assertThat(restarted.contains("poem")).isTrue();
            assertThat(restarted.contains("exam")).isFalse();
        }
    }

    @Test
    void aFailedCommitFailsTheStagesOfItsWrites() throws IOException {
        var failing = new FailingSync(new ByteBuffersDirectory());
        try (SearchIndex index = new SearchIndex(failing, true, NEVER)) {
            var durable = index.index(material("poem", "古诗二首", QUIET_NIGHT_POEM));
            failing.failing = true;

            assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(index::commit);
            assertThat(durable.toCompletableFuture()).isCompletedExceptionally();
            failing.failing = false;
        }
    }

    /** What is on disk while the writer runs, without its lock: what a kill -9 leaves behind. */
    private static void copyAsAKillWouldLeaveIt(Path folder, Path copy) throws IOException {
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals("write.lock")) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
        }
    }

    private static int committedDocuments(Directory directory) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            return reader.numDocs();
        }
    }

    private static final class FailingSync extends FilterDirectory {

        volatile boolean failing;

        FailingSync(Directory directory) {
            super(directory);
        }

        @Override
        public void sync(Collection<String> names) throws IOException {
            if (failing) {
                throw new IOException("disk full");
            }
            super.sync(names);
        }
    }
}
