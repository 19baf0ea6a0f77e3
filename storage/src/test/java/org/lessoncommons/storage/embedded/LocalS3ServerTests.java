package org.lessoncommons.storage.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.minio.MinioClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lessoncommons.storage.BlobStore.BlobInfo;
import org.lessoncommons.storage.MinioBlobStore;
import org.lessoncommons.storage.ObjectStoreUnavailable;

class LocalS3ServerTests {

    static final String ACCESS_KEY = "lessoncommons";
    static final String SECRET_KEY = "lessoncommons-secret";

    @TempDir
    Path directory;

    static MinioBlobStore storeOn(LocalS3Server server, String secretKey) {
        MinioClient client = MinioClient.builder()
                .endpoint(server.endpoint().toString())
                .credentials(ACCESS_KEY, secretKey)
                .region("us-east-1")
                .build();
        return new MinioBlobStore(client, "lessoncommons", Duration.ofMinutes(5));
    }

    @Test
    void objectsSurviveARestartOnTheSameDirectory() throws IOException {
        byte[] bytes = "光合作用 教案".getBytes(StandardCharsets.UTF_8);
        try (LocalS3Server first = LocalS3Server.start(directory, 0, ACCESS_KEY, SECRET_KEY)) {
            MinioBlobStore store = storeOn(first, SECRET_KEY);
            store.createBucketIfMissing();
            store.put("2024/生物/教案.txt", new ByteArrayInputStream(bytes), bytes.length, "application/pdf");
        }

        try (LocalS3Server second = LocalS3Server.start(directory, 0, ACCESS_KEY, SECRET_KEY);
                InputStream stored = storeOn(second, SECRET_KEY).get("2024/生物/教案.txt")) {

            assertThat(stored.readAllBytes()).isEqualTo(bytes);
            assertThat(storeOn(second, SECRET_KEY).stat("2024/生物/教案.txt"))
                    .contains(new BlobInfo("2024/生物/教案.txt", bytes.length, "application/pdf"));
        }
    }

    @Test
    void listensOnTheLoopbackAddress() {
        try (LocalS3Server server = LocalS3Server.start(directory, 0, ACCESS_KEY, SECRET_KEY)) {

            assertThat(server.endpoint().toString()).isEqualTo("http://127.0.0.1:" + server.port());
            assertThat(server.port()).isPositive();
        }
    }

    @Test
    void refusesRequestsSignedWithTheWrongSecret() {
        try (LocalS3Server server = LocalS3Server.start(directory, 0, ACCESS_KEY, SECRET_KEY)) {
            MinioBlobStore impostor = storeOn(server, "not-the-secret");

            assertThatExceptionOfType(ObjectStoreUnavailable.class)
                    .isThrownBy(impostor::createBucketIfMissing)
                    .withMessageContaining("refused to create bucket lessoncommons");
        }
    }

    @Test
    void refusesAPortInUse() {
        try (LocalS3Server server = LocalS3Server.start(directory, 0, ACCESS_KEY, SECRET_KEY)) {

            assertThatIllegalStateException()
                    .isThrownBy(() -> LocalS3Server.start(directory, server.port(), ACCESS_KEY, SECRET_KEY))
                    .withMessageContaining("127.0.0.1:" + server.port());
        }
    }
}
