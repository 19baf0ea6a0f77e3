package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.lessoncommons.search.SampleMaterials.QUIET_NIGHT_POEM;
import static org.lessoncommons.search.SampleMaterials.material;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnDiskIndexTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:30:15Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    @Test
    void createsTheFolderAndKeepsMaterialsAcrossRestarts() throws IOException {
        Path folder = temp.resolve("data/index");
        try (SearchIndex index = OnDiskIndex.open(folder, CLOCK)) {
            index.index(material("poem", "古诗二首", QUIET_NIGHT_POEM));
        }

        try (SearchIndex reopened = OnDiskIndex.open(folder, CLOCK)) {

            assertThat(reopened.contains("poem")).isTrue();
            assertThat(reopened.search(SearchQuery.of("静夜思")).totalHits()).isEqualTo(1);
        }
    }

    @Test
    void movesACorruptIndexAsideAndStartsEmpty() throws IOException {
        Path folder = temp.resolve("index");
        try (SearchIndex index = OnDiskIndex.open(folder, CLOCK)) {
            index.index(material("poem", "古诗二首", QUIET_NIGHT_POEM));
        }
        Path segments = segmentsFile(folder);
        byte[] bytes = Files.readAllBytes(segments);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(segments, bytes);

        try (SearchIndex recovered = OnDiskIndex.open(folder, CLOCK)) {

            assertThat(recovered.count()).isZero();
            recovered.index(material("poem", "古诗二首", QUIET_NIGHT_POEM));
            assertThat(recovered.contains("poem")).isTrue();
        }
        Path aside = temp.resolve("index.corrupt-20261122T093015Z");
        assertThat(aside.resolve(segments.getFileName())).hasBinaryContent(bytes);
    }

    @Test
    void findsADamagedDataFileAtStartMovesTheIndexAsideAndStartsEmpty() throws IOException {
        Path folder = temp.resolve("index");
        try (SearchIndex index = OnDiskIndex.open(folder, CLOCK)) {
            index.index(material("poem", "古诗二首", QUIET_NIGHT_POEM));
        }
        Path largest = largestDataFile(folder);
        byte[] bytes = Files.readAllBytes(largest);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(largest, bytes);

        try (SearchIndex recovered = OnDiskIndex.open(folder, CLOCK)) {

            assertThat(recovered.count()).isZero();
            assertThat(recovered.search(SearchQuery.of("静夜思")).totalHits()).isZero();
        }
        assertThat(temp.resolve("index.corrupt-20261122T093015Z").resolve(largest.getFileName()))
                .hasBinaryContent(bytes);
    }

    @Test
    void opensAnIntactIndexWithoutMovingAnything() throws IOException {
        Path folder = temp.resolve("index");
        try (SearchIndex index = OnDiskIndex.open(folder, CLOCK)) {
            index.index(material("poem", "古诗二首", QUIET_NIGHT_POEM));
        }

        try (SearchIndex reopened = OnDiskIndex.open(folder, CLOCK)) {

            assertThat(reopened.count()).isEqualTo(1);
        }
        assertThat(temp)
                .isDirectoryNotContaining(path -> path.getFileName().toString().contains("corrupt"));
    }

    @Test
    void failsFastWhenAnotherWriterHoldsTheLock() throws IOException {
        Path folder = temp.resolve("index");
        try (SearchIndex first = OnDiskIndex.open(folder, CLOCK)) {

            assertThatExceptionOfType(IllegalStateException.class)
                    .isThrownBy(() -> OnDiskIndex.open(folder, CLOCK))
                    .withMessageContaining("is locked by another process")
                    .withMessageContaining(folder.toString());
            assertThat(first.count()).isZero();
        }
        assertThat(temp)
                .isDirectoryNotContaining(path -> path.getFileName().toString().contains("corrupt"));
    }

    private static Path largestDataFile(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> !file.getFileName().toString().startsWith("segments_"))
                    .filter(file -> !file.getFileName().toString().equals("write.lock"))
                    .max(java.util.Comparator.comparingLong(
                            file -> file.toFile().length()))
                    .orElseThrow();
        }
    }

    private static Path segmentsFile(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith("segments_"))
                    .findFirst()
                    .orElseThrow();
        }
    }
}
