package org.lessoncommons.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lessoncommons.storage.BlobStore.BlobInfo;
import org.lessoncommons.storage.embedded.LocalS3Server;

class MinioBlobStoreTests {

    static final String ACCESS_KEY = "lessoncommons";
    static final String SECRET_KEY = "lessoncommons-secret";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @TempDir
    static Path directory;

    static LocalS3Server server;
    static MinioBlobStore store;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startObjectStore() {
        server = LocalS3Server.start(directory, 0, ACCESS_KEY, SECRET_KEY);
        store = storeAt(server.endpoint(), Duration.ofSeconds(30));
        store.createBucketIfMissing();
    }

    @AfterAll
    static void stopObjectStore() {
        server.close();
    }

    static MinioBlobStore storeAt(URI endpoint, Duration readTimeout) {
        StorageProperties properties = new StorageProperties(
                endpoint,
                ACCESS_KEY,
                SECRET_KEY,
                "lessoncommons",
                "us-east-1",
                Duration.ofSeconds(2),
                readTimeout,
                Duration.ofMinutes(5));
        return new MinioBlobStore(
                new StorageConfiguration().minioClient(properties), properties.bucket(), properties.presignExpiry());
    }

    static String newKey() {
        return "test/" + UUID.randomUUID();
    }

    @Test
    void returnsExactlyTheBytesStored() throws IOException {
        byte[] bytes = GeneratedContent.randomBytes(3 * 1024 * 1024 + 17);
        String key = newKey();

        store.put(key, new ByteArrayInputStream(bytes), bytes.length, DOCX);

        try (InputStream stored = store.get(key)) {
            assertThat(stored.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void storesContentOfUnknownSizeLargerThanOnePart() throws IOException {
        long size = 25L * 1024 * 1024 + 123;
        DigestInputStream sent = GeneratedContent.sha256Of(GeneratedContent.randomStream(size, 42));
        String key = newKey();

        store.put(key, sent, -1, "video/mp4");

        assertThat(size).isGreaterThan(2 * MinioBlobStore.PART_SIZE);
        assertThat(store.stat(key)).contains(new BlobInfo(key, size, "video/mp4"));
        try (InputStream stored = store.get(key)) {
            assertThat(GeneratedContent.sha256Hex(stored))
                    .isEqualTo(HexFormat.of().formatHex(sent.getMessageDigest().digest()));
        }
    }

    @Test
    void returnsTheRequestedRange() throws IOException {
        byte[] bytes = GeneratedContent.randomBytes(100_000);
        String key = newKey();
        store.put(key, new ByteArrayInputStream(bytes), bytes.length, "application/pdf");

        byte[] range;

        try (InputStream in = store.get(key, 1000, 500)) {
            range = in.readAllBytes();
        }

        assertThat(range).isEqualTo(Arrays.copyOfRange(bytes, 1000, 1500));
    }

    @Test
    void statReportsSizeAndContentType() {
        byte[] bytes = GeneratedContent.randomBytes(4321);
        String key = newKey();
        store.put(key, new ByteArrayInputStream(bytes), bytes.length, DOCX);

        var info = store.stat(key);

        assertThat(info).contains(new BlobInfo(key, 4321, DOCX));
    }

    @Test
    void listsEveryObjectUnderAPrefixWithItsSizeAndTime() {
        String prefix = "list-" + UUID.randomUUID() + "/";
        java.time.Instant before = java.time.Instant.now().minusSeconds(5);
        for (int i = 0; i < 3; i++) {
            store.put(prefix + "教案-" + i, new ByteArrayInputStream(new byte[i + 1]), i + 1, DOCX);
        }
        store.put(prefix + "子目录/深处", new ByteArrayInputStream(new byte[7]), 7, DOCX);

        var listed = store.list(prefix).toList();

        assertThat(listed)
                .extracting(BlobStore.StoredObject::key, BlobStore.StoredObject::size)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(prefix + "教案-0", 1L),
                        org.assertj.core.groups.Tuple.tuple(prefix + "教案-1", 2L),
                        org.assertj.core.groups.Tuple.tuple(prefix + "教案-2", 3L),
                        org.assertj.core.groups.Tuple.tuple(prefix + "子目录/深处", 7L));
        assertThat(listed).allSatisfy(o -> assertThat(o.lastModified()).isAfter(before));
        assertThat(store.list("list-" + UUID.randomUUID() + "/")).isEmpty();
    }

    @Test
    void statOfMissingObjectIsEmpty() {
        String key = newKey();

        var info = store.stat(key);

        assertThat(info).isEmpty();
    }

    @Test
    void deletedObjectIsNotFound() {
        String key = newKey();
        store.put(key, new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, "application/octet-stream");

        store.delete(key);

        assertThat(store.stat(key)).isEmpty();
        assertThatExceptionOfType(BlobNotFound.class)
                .isThrownBy(() -> store.get(key))
                .withMessageContaining(key);
    }

    @Test
    void deletingMissingObjectIsNoError() {
        String key = newKey();

        store.delete(key);

        assertThat(store.stat(key)).isEmpty();
    }

    @Test
    void presignedUrlServesTheBytesAsAttachmentWithTheChineseName() throws Exception {
        byte[] bytes = GeneratedContent.randomBytes(2048);
        String key = newKey();
        store.put(key, new ByteArrayInputStream(bytes), bytes.length, DOCX);

        URI url = store.presignedGet(key, Duration.ofMinutes(1), "三年级 语文 教案.docx");
        HttpResponse<byte[]> response =
                http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(bytes);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .contains(
                        "attachment; filename=\"download.docx\"; "
                                + "filename*=UTF-8''%E4%B8%89%E5%B9%B4%E7%BA%A7%20%E8%AF%AD%E6%96%87%20%E6%95%99%E6%A1%88.docx");
    }

    @Test
    void presignedUrlIsRefusedOnceExpired() throws Exception {
        String key = newKey();
        store.put(key, new ByteArrayInputStream(new byte[] {42}), 1, "text/plain");

        URI url = store.presignedGet(key, Duration.ofSeconds(1), "a.txt");

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(
                                http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding())
                                        .statusCode())
                        .isEqualTo(403));
    }

    @Test
    void presignedUrlLivesAtMostFiveMinutes() {
        String key = newKey();

        URI url = store.presignedGet(key, Duration.ofDays(7), "a.txt");

        assertThat(url.getRawQuery()).contains("X-Amz-Expires=300&");
    }

    @Test
    void keysWithChineseCharactersWork() throws IOException {
        String key = "2024/语文/三年级 教案 #1+(终稿)·" + UUID.randomUUID() + ".docx";
        byte[] bytes = "静夜思 床前明月光".getBytes(StandardCharsets.UTF_8);

        store.put(key, new ByteArrayInputStream(bytes), bytes.length, DOCX);

        assertThat(store.stat(key)).contains(new BlobInfo(key, bytes.length, DOCX));
        try (InputStream stored = store.get(key)) {
            assertThat(stored.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void failureOfTheSourceIsNotBlamedOnTheObjectStore() {
        String key = newKey();
        InputStream failing = new InputStream() {
            private int left = 1000;

            @Override
            public int read() {
                if (left-- == 0) {
                    throw new IllegalStateException("upload too large");
                }
                return 'x';
            }
        };

        assertThatIllegalStateException()
                .isThrownBy(() -> store.put(key, failing, -1, "text/plain"))
                .withMessage("upload too large");
        assertThat(store.stat(key)).isEmpty();
    }

    @Test
    void readErrorOfTheSourceSurfacesAsUncheckedIoException() {
        String key = newKey();
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("client went away");
            }
        };

        assertThatExceptionOfType(UncheckedIOException.class)
                .isThrownBy(() -> store.put(key, failing, 10, "text/plain"))
                .withRootCauseInstanceOf(IOException.class);
    }

    @Test
    void stoppedObjectStoreIsUnavailableWithinTheConnectTimeout() {
        LocalS3Server stopped = LocalS3Server.start(directory.resolve("stopped"), 0, ACCESS_KEY, SECRET_KEY);
        MinioBlobStore unreachable = storeAt(stopped.endpoint(), Duration.ofSeconds(30));
        stopped.close();
        long start = System.nanoTime();

        assertThatExceptionOfType(ObjectStoreUnavailable.class)
                .isThrownBy(() -> unreachable.stat("any"))
                .withMessageContaining("127.0.0.1:" + stopped.port());
        assertThatExceptionOfType(ObjectStoreUnavailable.class)
                .isThrownBy(() -> unreachable.put("any", new ByteArrayInputStream(new byte[1]), 1, "text/plain"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void hangingObjectStoreIsUnavailableAfterTheReadTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            MinioBlobStore hanging =
                    storeAt(URI.create("http://127.0.0.1:" + silent.getLocalPort()), Duration.ofSeconds(1));
            long start = System.nanoTime();

            assertThatExceptionOfType(ObjectStoreUnavailable.class)
                    .isThrownBy(() -> hanging.stat("any"))
                    .withMessageContaining("timed out");

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
