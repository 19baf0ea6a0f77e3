package org.lessoncommons.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class TextExtractorIsolationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @TempDir
    static Path dir;

    private static Path mockTypes;

    private TextExtractor extractor;

    @BeforeAll
    static void teachTikaTheMockType() throws IOException {
        mockTypes = Files.writeString(dir.resolve("mock-mimetypes.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <mime-info>
                  <mime-type type="application/mock+xml">
                    <root-XML localName="mock"/>
                    <sub-class-of type="application/xml"/>
                  </mime-type>
                </mime-info>
                """);
    }

    @AfterEach
    void stopChildren() {
        if (extractor != null) {
            extractor.close();
        }
    }

    @Test
    void aHangingParserTimesOutAndTheNextDocumentStillExtracts() {
        extractor = isolated(1, 1000);
        extractor.extract(text("热身"), "warm-up.txt");
        long start = System.nanoTime();

        assertThatExceptionOfType(UnreadableDocument.class)
                .isThrownBy(() -> extractor.extract(
                        mock("<hang millis=\"60000\" heavy=\"true\" pulse_millis=\"100\" interruptible=\"false\"/>"),
                        "loop.xml"))
                .withMessage("Could not read loop.xml: extraction timed out after 3 s");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusSeconds(5));
        assertThat(extractor.extract(text("鸡兔同笼"), "next.txt").text()).isEqualTo("鸡兔同笼");
    }

    @Test
    void aParserCallingSystemExitCostsOneDocumentAndItsChild() {
        extractor = isolated(1, 1000);
        extractor.extract(text("热身"), "warm-up.txt");
        List<Long> before = extractor.processIds();

        assertThatExceptionOfType(UnreadableDocument.class)
                .isThrownBy(() -> extractor.extract(mock("<system_exit/>"), "exit.xml"))
                .withMessage("Could not read exit.xml: extraction process crashed (exit code 1)");

        assertThat(extractor.extract(text("鸡兔同笼"), "next.txt").text()).isEqualTo("鸡兔同笼");
        assertThat(extractor.processIds()).hasSize(1).doesNotContainAnyElementsOf(before);
    }

    @Test
    void runningOutOfMemoryCrashesOnlyTheChild() {
        extractor = isolated(1, 1000);

        assertThatExceptionOfType(UnreadableDocument.class)
                .isThrownBy(() -> extractor.extract(mock("<oom/>"), "oom.xml"))
                .withMessageContaining("crashed")
                .withMessageContaining("out of memory");

        assertThat(extractor.extract(text("鸡兔同笼"), "next.txt").text()).isEqualTo("鸡兔同笼");
    }

    @Test
    void aZipBombInADocxCrashesOnlyTheChildAndFast() throws IOException {
        extractor = isolated(1, 1000);
        extractor.extract(text("热身"), "warm-up.txt");
        byte[] bomb = docxOfZeros(DataSize.ofMegabytes(300));
        long start = System.nanoTime();

        assertThatExceptionOfType(UnreadableDocument.class)
                .isThrownBy(() -> extractor.extract(new ByteArrayInputStream(bomb), "bomb.docx"))
                .withMessage("Could not read bomb.docx: extraction process crashed (exit code 3: out of memory)");

        assertThat(bomb.length).isLessThan(1 << 20);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusSeconds(5));
        assertThat(extractor.extract(text("鸡兔同笼"), "next.txt").text()).isEqualTo("鸡兔同笼");
    }

    @Test
    void nestedZipsStopAtTikasPackageDepthLimit() throws IOException {
        extractor = isolated(1, 1000);
        byte[] nested = zipOf("zeros.bin", new byte[10 << 20]);
        for (int level = 1; level <= 12; level++) {
            nested = zipOf("level-" + level + ".zip", nested);
        }

        ExtractedText text = extractor.extract(new ByteArrayInputStream(nested), "nested.zip");

        assertThat(text.text()).contains("level-12.zip").doesNotContain("level-1.zip", "zeros.bin");
        assertThat(text.contentType()).isEqualTo("application/zip");
    }

    @Test
    void aDeeplyNestedDocumentIsUnreadable() {
        extractor = isolated(1, 1000);
        String xml = "<?xml version=\"1.0\"?>" + "<a>".repeat(100_000) + "深" + "</a>".repeat(100_000);

        assertThatExceptionOfType(UnreadableDocument.class)
                .isThrownBy(() -> extractor.extract(text(xml), "deep.xml"))
                .withMessageStartingWith("Could not read deep.xml: ")
                .withMessageContaining("depth");

        assertThat(extractor.extract(text("鸡兔同笼"), "next.txt").text()).isEqualTo("鸡兔同笼");
    }

    @Test
    void whatAParserPrintsToStandardOutputDoesNotCorruptTheReply() {
        extractor = isolated(1, 1000);

        ExtractedText text = extractor.extract(
                mock("<print_out>not a frame</print_out><print_out static=\"true\">nor this</print_out>"
                        + "<write>有言在先</write>"),
                "noisy.xml");

        assertThat(text.text()).isEqualTo("有言在先");
        assertThat(extractor.processIds()).hasSize(1);
    }

    @Test
    void aChildIsReplacedAfterItsQuotaOfDocuments() {
        extractor = isolated(1, 2);
        extractor.extract(text("一"), "1.txt");
        List<Long> first = extractor.processIds();

        extractor.extract(text("二"), "2.txt");
        extractor.extract(text("三"), "3.txt");

        assertThat(extractor.processIds()).hasSize(1).doesNotContainAnyElementsOf(first);
    }

    @Test
    void eachWorkerGetsAChildOfItsOwn() throws Exception {
        extractor = isolated(2, 1000);
        InputStream slow1 = mock("<hang millis=\"1000\"/><write>甲</write>");
        InputStream slow2 = mock("<hang millis=\"1000\"/><write>乙</write>");

        List<ExtractedText> texts;
        try (ExecutorService workers = Executors.newFixedThreadPool(2)) {
            var first = workers.submit(() -> extractor.extract(slow1, "1.xml"));
            var second = workers.submit(() -> extractor.extract(slow2, "2.xml"));
            texts = List.of(first.get(), second.get());
        }

        assertThat(texts).extracting(ExtractedText::text).containsExactly("甲", "乙");
        assertThat(extractor.processIds()).hasSize(2);
    }

    @Test
    void closingStopsTheChildren() {
        extractor = isolated(1, 1000);
        extractor.extract(text("一"), "1.txt");
        long pid = extractor.processIds().getFirst();

        extractor.close();

        await().atMost(Duration.ofSeconds(5))
                .until(() -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), alive -> !alive);
        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> extractor.extract(text("二"), "2.txt"));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aChildsTemporaryDirectoryGoesWithIt() throws IOException {
        extractor = isolated(1, 1000);
        extractor.extract(text("一"), "1.txt");
        Path tmp = temporaryDirectoryOf(extractor.processIds().getFirst());

        assertThatExceptionOfType(UnreadableDocument.class)
                .isThrownBy(() -> extractor.extract(mock("<system_exit/>"), "exit.xml"));

        await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(tmp));
    }

    @Test
    void aChildThatCannotStartIsNotBlamedOnTheDocument() {
        extractor = new TextExtractor(
                10_000,
                new ExtractionSettings(DataSize.ofMegabytes(64), TIMEOUT, 1000, 1, List.of("-XX:+NoSuchOption")));

        assertThatExceptionOfType(UncheckedIOException.class)
                .isThrownBy(() -> extractor.extract(text("一"), "1.txt"))
                .withMessageContaining("did not start");
    }

    private static TextExtractor isolated(int processes, int documentsPerProcess) {
        return new TextExtractor(
                10_000,
                new ExtractionSettings(
                        DataSize.ofMegabytes(128),
                        TIMEOUT,
                        documentsPerProcess,
                        processes,
                        List.of("-Dtika.custom-mimetypes=" + mockTypes)));
    }

    private static Path temporaryDirectoryOf(long pid) throws IOException {
        String[] arguments = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"))
                .split("\0");
        Path tmp = Arrays.stream(arguments)
                .filter(argument -> argument.startsWith("-Djava.io.tmpdir="))
                .map(argument -> Path.of(argument.substring("-Djava.io.tmpdir=".length())))
                .findFirst()
                .orElseThrow();
        assertThat(tmp).isDirectory();
        return tmp;
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream mock(String actions) {
        return text("<?xml version=\"1.0\" encoding=\"UTF-8\"?><mock>" + actions + "</mock>");
    }

    private static byte[] zipOf(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
        }
        return bytes.toByteArray();
    }

    private static byte[] docxOfZeros(DataSize expanded) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/word/document.xml" \
                    ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Target="word/document.xml" \
                    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
                            + "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                            + "<w:body><w:p><w:r><w:t>")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] zeros = new byte[1 << 20];
            Arrays.fill(zeros, (byte) '0');
            for (long written = 0; written < expanded.toBytes(); written += zeros.length) {
                zip.write(zeros);
            }
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
    }
}
