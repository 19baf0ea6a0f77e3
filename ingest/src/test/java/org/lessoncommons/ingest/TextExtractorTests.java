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
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TextExtractorTests {

    private static final Set<String> TEXT_FORMATS = Set.of(
            "docx", "doc", "pdf", "pptx", "ppt", "odt", "odp", "rtf", "xlsx", "xls", "html", "txt", "srt", "mp4");

    private final TextExtractor extractor = new TextExtractor(100_000);

    record Fixture(String file, String word) {
        @Override
        public String toString() {
            return file + " ∋ " + word;
        }
    }

    static Stream<Fixture> fixtures() throws IOException {
        List<String> rows = Files.readAllLines(Fixtures.path("manifest.tsv"), StandardCharsets.UTF_8);
        return rows.stream()
                .skip(1)
                .filter(line -> !line.isBlank())
                .map(line -> line.split("\t"))
                .filter(cols -> TEXT_FORMATS.contains(extension(cols[0])))
                .map(cols -> new Fixture(cols[0], cols[4]));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void extractsTheChineseBodyOfEveryTextFormat(Fixture fixture) throws IOException {
        try (InputStream in = Files.newInputStream(Fixtures.path(fixture.file()))) {

            ExtractedText text = extractor.extract(in, fixture.file());

            assertThat(text.text()).contains(fixture.word());
            assertThat(text.truncated()).isFalse();
        }
    }

    @Test
    @EnabledIf("tesseractInstalled")
    void readsChineseTextInAnImageByOcr() throws IOException {
        try (InputStream in = Files.newInputStream(Fixtures.path("鸡兔同笼-板书.png"))) {

            ExtractedText text = extractor.extract(in, "鸡兔同笼-板书.png");

            assertThat(text.text()).contains("假设法");
            assertThat(text.contentType()).isEqualTo("image/png");
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

    private static String extension(String file) {
        return file.substring(file.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
