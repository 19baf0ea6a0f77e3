package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lessoncommons.ingest.Indexing;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.BlobStore;
import org.lessoncommons.storage.Blobs;
import org.lessoncommons.storage.Materials;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.client.RestClient;

/**
 * Hostile uploads through the real HTTP API, signed in: external entities (XXE and SSRF),
 * polyglots, active content, forged file names, oversize and many-part requests. Each is refused
 * with a problem detail or stored harmlessly, and nothing it smuggles reaches the index.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class UploadAttackIntegrationTests {

    private static final String SANDBOX = "default-src 'none'; sandbox";

    @LocalServerPort
    int port;

    @Autowired
    Alliances alliances;

    @Autowired
    Schools schools;

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    Materials materials;

    @Autowired
    Blobs blobs;

    @Autowired
    BlobStore blobStore;

    @Autowired
    Indexing indexing;

    @TempDir
    Path secrets;

    School school;
    Account teacher;
    RestClient http;
    HttpClient raw;
    ServerSocket canary;
    final AtomicInteger canaryHits = new AtomicInteger();
    final String secret = "机密" + UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    void setUp() throws IOException {
        Alliance alliance = alliances.save(Alliance.named("攻击测试联盟 " + UUID.randomUUID()));
        school = schools.save(School.of(alliance, "攻击测试小学 " + UUID.randomUUID(), School.Membership.CORE));
        teacher = SignedIn.account(accounts, passwordEncoder, school, Role.TEACHER);
        http = SignedIn.as(port, teacher);
        raw = SignedIn.jdk(port, teacher.username(), SignedIn.PASSWORD);
        canary = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!canary.isClosed()) {
                try (Socket ignored = canary.accept()) {
                    canaryHits.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void closeCanary() throws IOException {
        canary.close();
    }

    @Test
    void anSvgWithExternalEntitiesResolvesNeitherAFileNorAUrl() throws Exception {
        byte[] svg = ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE svg [
                  <!ENTITY leak SYSTEM "%s">
                  <!ENTITY ping SYSTEM "http://127.0.0.1:%d/xxe">
                ]>
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
                  <title>矢量图实体测试</title><text>&leak;</text><text>&ping;</text>
                </svg>
                """.formatted(secretFile().toUri(), canary.getLocalPort())).getBytes(StandardCharsets.UTF_8);

        TestUploads.Uploaded done = extracted("图标.svg", svg);

        assertNothingLeaked(done);
    }

    @Test
    void anXmlFileWithAnExternalDtdAndParameterEntitiesLeaksNothing() throws Exception {
        byte[] xml = ("""
                <?xml version="1.0"?>
                <!DOCTYPE lesson SYSTEM "http://127.0.0.1:%d/lesson.dtd" [
                  <!ENTITY %% remote SYSTEM "http://127.0.0.1:%d/param">
                  %%remote;
                  <!ENTITY leak SYSTEM "%s">
                ]>
                <lesson><title>课程实体测试</title><body>&leak;</body></lesson>
                """.formatted(
                                canary.getLocalPort(),
                                canary.getLocalPort(),
                                secretFile().toUri()))
                .getBytes(StandardCharsets.UTF_8);

        TestUploads.Uploaded done = extracted("课程.xml", xml);

        assertNothingLeaked(done);
    }

    @Test
    void aDocxWhoseDocumentXmlDeclaresAnExternalEntityLeaksNothing() throws Exception {
        String doctype =
                "<!DOCTYPE w:document [<!ENTITY leak SYSTEM \"" + secretFile().toUri() + "\">"
                        + "<!ENTITY ping SYSTEM \"http://127.0.0.1:" + canary.getLocalPort() + "/docx\">]>";
        byte[] docx = rewriteEntry(
                Fixtures.path("静夜思-教案.docx"),
                "word/document.xml",
                xml -> xml.replaceFirst("\\?>", "?>" + doctype).replaceFirst("静夜思", "静夜思&leak;&ping;"));

        TestUploads.Uploaded done = extracted("静夜思-实体.docx", docx);

        assertNothingLeaked(done);
    }

    @Test
    void aBillionLaughsSvgFailsFastWithoutTakingTheAppDown() throws Exception {
        StringBuilder entities = new StringBuilder("<!ENTITY a0 \"哈哈哈哈哈哈哈哈哈哈\">");
        for (int i = 1; i < 10; i++) {
            entities.append("<!ENTITY a%d \"%s\">".formatted(i, ("&a" + (i - 1) + ";").repeat(10)));
        }
        byte[] svg = ("<?xml version=\"1.0\"?><!DOCTYPE svg [" + entities + "]>"
                        + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&a9;</text></svg>")
                .getBytes(StandardCharsets.UTF_8);

        TestUploads.Uploaded done = extracted("笑声.svg", svg);

        assertThat(indexing.keptText(material(done)).orElse("")).doesNotContain("哈哈哈哈哈哈哈哈哈哈哈哈");
        assertThat(http.get()
                        .uri("/api/me")
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void aZipBombDocxCostsOnlyItselfAndTheNextUploadIsIndexed() throws Exception {
        byte[] bomb = docxOfZeros(300);

        TestUploads.Uploaded done = extracted("炸弹.docx", bomb);
        TestUploads.Uploaded next = extracted("下一个.txt", "炸弹之后的教案".getBytes(StandardCharsets.UTF_8));

        assertThat(bomb.length).isLessThan(1 << 20);
        assertThat(done.status()).isEqualTo("FAILED");
        assertThat(done.failureReason()).contains("extraction process crashed");
        assertThat(next.status()).isEqualTo("INDEXED");
    }

    @Test
    void aJpegThatIsAlsoHtmlIsTypedByItsBytesAndServedAsAnInertAttachment() throws Exception {
        ByteArrayOutputStream polyglot = new ByteArrayOutputStream();
        polyglot.write(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10});
        polyglot.write("JFIF\0<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8));

        TestUploads.Uploaded done = TestUploads.upload(http, school.id(), "课件.html", polyglot.toByteArray());
        HttpHeaders headers = download(done).headers();

        assertThat(done.contentType()).isEqualTo("image/jpeg");
        assertInert(headers);
    }

    @Test
    void htmlAndSvgWithScriptsAreNeverServedAsActiveContent() throws Exception {
        byte[] html = "<html><body><script>fetch('/api/me')</script>作业</body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);

        TestUploads.Uploaded page = TestUploads.upload(http, school.id(), "照片.jpg", html);
        TestUploads.Uploaded drawing = TestUploads.upload(http, school.id(), "图形.svg", svg);

        assertThat(page.contentType()).startsWith("text/html");
        assertThat(drawing.contentType()).isEqualTo("image/svg+xml");
        for (TestUploads.Uploaded active : java.util.List.of(page, drawing)) {
            HttpHeaders headers = download(active).headers();
            assertInert(headers);
            assertThat(headers.firstValue("Content-Type")).hasValue("application/octet-stream");
        }
    }

    @Test
    void aPdfWithJavaScriptNamedAsAPictureIsTypedAsPdfAndServedAsAnAttachment() throws Exception {
        byte[] pdf = PdfWithScript.bytes("app.alert('xss')");

        TestUploads.Uploaded done = TestUploads.upload(http, school.id(), "截图.png", pdf);
        HttpHeaders headers = download(done).headers();

        assertThat(done.contentType()).isEqualTo("application/pdf");
        assertThat(headers.firstValue("Content-Type")).hasValue("application/pdf");
        assertInert(headers);
    }

    @Test
    void forgedFileNamesAreCleanedAndNeverBecomeAnObjectKey() throws Exception {
        String longName = "很长的文件名".repeat(60) + ".txt";
        String[] names = {
            "../../etc/passwd.txt",
            "..\\..\\windows\\win.ini.txt",
            "报告\u0007\u001b\u0085\u2028.txt",
            "作业\u202Etxt.exe",
            "作业\u202Ecod.txt",
            longName
        };

        for (String name : names) {
            // Different bytes each time: a school's second copy of the same file is refused as a duplicate.
            HttpResponse<String> response = post(multipart(name, ("名字测试 " + name).getBytes(StandardCharsets.UTF_8)));
            if (name.endsWith(".exe")) {
                // The right-to-left override hides a program ("作业exe.txt" on screen): refused as one.
                assertThat(response.statusCode()).as(name).isEqualTo(415);
                continue;
            }
            assertThat(response.statusCode()).as(name).isEqualTo(201);
            UUID id = UUID.fromString(response.body().replaceFirst("^\\{\"id\":\"([0-9a-f-]+)\".*$", "$1"));
            String stored = materials.findById(id).orElseThrow().fileName();
            assertThat(stored)
                    .as(name)
                    .doesNotContain("/", "\\", "\u0000", "\u202E", "..")
                    .doesNotContainPattern("[\\p{Cc}\\p{Cf}\\p{Zl}]")
                    .hasSizeLessThanOrEqualTo(255);
            assertThat(blobs.findById(materials.findById(id).orElseThrow().sha256())
                            .orElseThrow()
                            .objectKey())
                    .matches("blobs/[0-9a-f-]{36}");
            String disposition =
                    download(id).headers().firstValue("Content-Disposition").orElseThrow();
            assertThat(disposition).startsWith("attachment;").contains("filename*=UTF-8''");
        }
        assertThat(materials.findBySchoolIdOrderByCreatedAtDesc(school.id()))
                .extracting(org.lessoncommons.storage.Material::fileName)
                .contains("passwd.txt", "win.ini.txt", "报告.txt", "作业cod.txt")
                .doesNotContain("作业txt.exe")
                .anySatisfy(n -> assertThat(n).hasSize(255).endsWith(".txt"));
    }

    @Test
    void aFileNameWithANulCharacterIsRefusedWithAReadableProblem() throws Exception {
        HttpResponse<String> response = post(multipart("作业\u0000.php.txt", "NUL".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("文件名包含不允许的字符");
        assertThat(materials.findBySchoolIdOrderByCreatedAtDesc(school.id())).isEmpty();
    }

    @Test
    void anOversizeUploadIsA413ProblemAndLeavesNoObjectOrRow() throws Exception {
        long objectsBefore = blobStore.list("blobs/").count();

        HttpResponse<String> sized = post(multipart("大文件.bin", new byte[3 * 1024 * 1024]));
        HttpResponse<String> chunked = raw.send(
                request(multipart("分块大文件.bin", new byte[3 * 1024 * 1024]), true), HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> response : java.util.List.of(sized, chunked)) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"status\":413").contains("文件超过了允许的大小上限");
        }
        assertThat(materials.findBySchoolIdOrderByCreatedAtDesc(school.id())).isEmpty();
        assertThat(blobStore.list("blobs/").count()).isEqualTo(objectsBefore);
    }

    @Test
    void aRequestWithThousandsOfPartsIsRefusedWithAProblem() throws Exception {
        String boundary = "----many" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            body.append("--%s\r\nContent-Disposition: form-data; name=\"p%d\"\r\n\r\nx\r\n".formatted(boundary, i));
        }
        body.append("--").append(boundary).append("--\r\n");

        HttpResponse<String> response =
                post(new Multipart(boundary, body.toString().getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isIn(400, 413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("部分");
        assertThat(materials.findBySchoolIdOrderByCreatedAtDesc(school.id())).isEmpty();
    }

    private Path secretFile() throws IOException {
        Path file = secrets.resolve("secret.txt");
        if (!Files.exists(file)) {
            Files.writeString(file, secret);
        }
        return file;
    }

    private TestUploads.Uploaded extracted(String fileName, byte[] content) {
        TestUploads.Uploaded uploaded = TestUploads.upload(http, school.id(), fileName, content);
        return TestUploads.awaitExtracted(http, uploaded.id());
    }

    private void assertNothingLeaked(TestUploads.Uploaded done) {
        assertThat(indexing.keptText(material(done)).orElse("")).doesNotContain(secret);
        assertThat(TestUploads.search(http, secret).total()).isZero();
        assertThat(canaryHits).hasValue(0);
    }

    private org.lessoncommons.storage.Material material(TestUploads.Uploaded done) {
        return materials.findById(done.id()).orElseThrow();
    }

    private static void assertInert(HttpHeaders headers) {
        assertThat(headers.firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment;"));
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Content-Security-Policy")).hasValue(SANDBOX);
    }

    private HttpResponse<byte[]> download(TestUploads.Uploaded material) throws Exception {
        return download(material.id());
    }

    private HttpResponse<byte[]> download(UUID id) throws Exception {
        HttpResponse<byte[]> response = raw.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/materials/" + id + "/file"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static byte[] rewriteEntry(Path zip, String entry, java.util.function.UnaryOperator<String> change)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip));
                ZipOutputStream rewritten = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    bytes = change.apply(new String(bytes, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                rewritten.putNextEntry(new ZipEntry(e.getName()));
                rewritten.write(bytes);
                rewritten.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A valid .docx whose document.xml inflates to {@code megabytes} of zeros. */
    private static byte[] docxOfZeros(int megabytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(
                    ("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                                    + "</Types>")
                            .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write(
                    ("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                    + "<Relationship Id=\"rId1\" Target=\"word/document.xml\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\"/>"
                                    + "</Relationships>")
                            .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(
                    ("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                                    + "<w:body><w:p><w:r><w:t>")
                            .getBytes(StandardCharsets.UTF_8));
            byte[] zeros = new byte[1 << 20];
            java.util.Arrays.fill(zeros, (byte) '0');
            for (int i = 0; i < megabytes; i++) {
                zip.write(zeros);
            }
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private record Multipart(String boundary, byte[] body) {}

    /** A raw multipart body, so the file name goes on the wire byte for byte as given. */
    private Multipart multipart(String fileName, byte[] content) {
        String boundary = "----attack" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String[] field : new String[][] {
            {"subject", "语文"},
            {"grade", "GRADE_3"},
            {"resourceType", "LESSON_PLAN"},
            {"schoolId", school.id().toString()}
        }) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                            + field[1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart(boundary, out.toByteArray());
    }

    private HttpResponse<String> post(Multipart multipart) throws Exception {
        return raw.send(request(multipart, false), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Chunked when asked: no Content-Length, so only the streaming limit can stop it. */
    private HttpRequest request(Multipart multipart, boolean chunked) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/materials"))
                .header("Content-Type", "multipart/form-data; boundary=" + multipart.boundary())
                .header("X-XSRF-TOKEN", SignedIn.csrf(raw, port))
                .POST(
                        chunked
                                ? HttpRequest.BodyPublishers.ofInputStream(
                                        () -> new ByteArrayInputStream(multipart.body()))
                                : HttpRequest.BodyPublishers.ofByteArray(multipart.body()))
                .build();
    }
}
