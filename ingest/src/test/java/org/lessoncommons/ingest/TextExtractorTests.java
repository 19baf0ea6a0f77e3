package org.lessoncommons.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TextExtractorTests {

    /** Formats whose manifest word Tika finds without OCR, with the type it detects from the bytes. */
    private static final Map<String, String> TEXT_FORMATS = Map.ofEntries(
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("doc", "application/msword"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("odp", "application/vnd.oasis.opendocument.presentation"),
            Map.entry("rtf", "application/rtf"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("epub", "application/epub+zip"),
            Map.entry("html", "text/html"),
            Map.entry("txt", "text/plain"),
            Map.entry("srt", "application/x-subrip"),
            Map.entry("vtt", "text/vtt"),
            // Kingsoft WPS: by content (Tika's name rule would make a .wps Microsoft Works).
            Map.entry("wps", "application/msword"),
            Map.entry("et", "application/vnd.ms-excel"),
            Map.entry("dps", "application/vnd.ms-powerpoint"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("mp3", "audio/mpeg"));

    /** Only Tesseract finds their words: images, and PDFs without a text layer. */
    private static final Set<String> SCANS = Set.of("鸡兔同笼-板书.png", "垃圾分类-黑板报.jpg", "古诗三首-练习-扫描件.pdf");

    private static final Map<String, String> SCAN_TYPES =
            Map.of("png", "image/png", "jpg", "image/jpeg", "pdf", "application/pdf");

    /** Tika 3.3.1 reads neither title tag (no WebM parser, no QuickTime ©nam): see MediaProbeTests. */
    private static final Set<String> TAGS_ONLY_FROM_FFPROBE = Set.of("mov", "webm");

    private final TextExtractor extractor = new TextExtractor(100_000);

    record Fixture(String file, String word) {
        @Override
        public String toString() {
            return file + " ∋ " + word;
        }

        String extension() {
            return file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        }
    }

    static Stream<Fixture> manifest() throws IOException {
        List<String> rows = Files.readAllLines(Fixtures.path("manifest.tsv"), StandardCharsets.UTF_8);
        return rows.stream()
                .skip(1)
                .filter(line -> !line.isBlank())
                .map(line -> line.split("\t"))
                .map(cols -> new Fixture(cols[0], cols[4]));
    }

    static Stream<Fixture> fixtures() throws IOException {
        return manifest()
                .filter(fixture -> TEXT_FORMATS.containsKey(fixture.extension()))
                .filter(fixture -> !SCANS.contains(fixture.file()));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void extractsTheChineseBodyOfEveryTextFormat(Fixture fixture) throws IOException {
        try (InputStream in = Files.newInputStream(Fixtures.path(fixture.file()))) {

            ExtractedText text = extractor.extract(in, fixture.file());

            assertThat(text.text()).contains(fixture.word());
            assertThat(text.contentType()).startsWith(TEXT_FORMATS.get(fixture.extension()));
            assertThat(text.truncated()).isFalse();
        }
    }

    @Test
    void everyFixtureInTheManifestIsReadByOneOfTheseTests() throws IOException {
        assertThat(manifest())
                .allSatisfy(fixture -> assertThat(TEXT_FORMATS.containsKey(fixture.extension())
                                || SCANS.contains(fixture.file())
                                || TAGS_ONLY_FROM_FFPROBE.contains(fixture.extension()))
                        .as(fixture.file())
                        .isTrue());
    }

    static Stream<Fixture> scans() throws IOException {
        return manifest().filter(fixture -> SCANS.contains(fixture.file()));
    }

    @ParameterizedTest
    @MethodSource("scans")
    @EnabledIf("tesseractInstalled")
    void readsTheChineseWordInAnImageOrAScannedPdfByOcr(Fixture fixture) throws IOException {
        try (InputStream in = Files.newInputStream(Fixtures.path(fixture.file()))) {

            ExtractedText text = extractor.extract(in, fixture.file());

            assertThat(text.text()).contains(fixture.word());
            assertThat(text.contentType()).isEqualTo(SCAN_TYPES.get(fixture.extension()));
        }
    }

    @Test
    @EnabledIf("tesseractInstalled")
    void ocrOfAPhotographedPosterKeepsChineseWordsWhole() throws IOException {
        try (InputStream in = Files.newInputStream(Fixtures.path("垃圾分类-黑板报.jpg"))) {

            ExtractedText text = extractor.extract(in, "垃圾分类-黑板报.jpg");

            assertThat(text.text()).contains("垃圾分类", "废电池", "过期药品", "剩菜剩饭", "用过的纸巾");
        }
    }

    @Test
    @EnabledIf("tesseractInstalled")
    void ocrReadsTheImageOnlyPageOfAScannedPdf() throws IOException {
        try (InputStream in = Files.newInputStream(Fixtures.path("古诗三首-练习-扫描件.pdf"))) {

            ExtractedText text = extractor.extract(in, "古诗三首-练习-扫描件.pdf");

            assertThat(text.text()).contains("三年级语文上册", "默写古诗", "城南实验小学");
        }
    }

    @Test
    void decodesGbkTextAsChinese() throws IOException {
        try (InputStream in = Files.newInputStream(Fixtures.path("京剧脸谱-大班美术活动.txt"))) {

            ExtractedText text = extractor.extract(in, "京剧脸谱-大班美术活动.txt");

            assertThat(text.text()).contains("关羽");
            assertThat(text.contentType()).containsIgnoringCase("gb18030");
        }
    }

    static boolean tesseractInstalled() {
        return java.util.stream.Stream.of(System.getenv("PATH").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "tesseract")));
    }

    @Test
    void detectsTheTypeFromTheBytesNotTheName() throws IOException {
        try (InputStream in = Files.newInputStream(Fixtures.path("分数的初步认识-教案.pdf"))) {

            ExtractedText text = extractor.extract(in, "renamed.docx");

            assertThat(text.contentType()).isEqualTo("application/pdf");
        }
    }

    @Test
    void cutsTextAtTheLimitAndSaysSo() {
        TextExtractor small = new TextExtractor(1000);
        byte[] long_ = "教学目标：理解分数的意义。\n".repeat(500).getBytes(StandardCharsets.UTF_8);

        ExtractedText text = small.extract(new ByteArrayInputStream(long_), "long.txt");

        assertThat(text.truncated()).isTrue();
        assertThat(text.text().length()).isLessThanOrEqualTo(1000);
        assertThat(text.text()).startsWith("教学目标");
    }

    @Test
    void rejectsACorruptDocumentAsUnreadable() {
        byte[] corrupt = "PK\u0003\u0004 this is not really a zip".getBytes(StandardCharsets.ISO_8859_1);

        assertThatExceptionOfType(UnreadableDocument.class)
                .isThrownBy(() -> extractor.extract(new ByteArrayInputStream(corrupt), "broken.docx"))
                .withMessageContaining("broken.docx");
    }

    @Test
    void tidiesRunsOfBlankLines() {
        assertThat(TextExtractor.tidy("第一段  \n\n\n\n\n第二段\n")).isEqualTo("第一段\n\n第二段");
    }
}
