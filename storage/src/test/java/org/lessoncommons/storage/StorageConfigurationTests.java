package org.lessoncommons.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lessoncommons.storage.embedded.LocalS3Server;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class StorageConfigurationTests {

    @TempDir
    static Path directory;

    static LocalS3Server server;

    final ApplicationContextRunner contexts =
            new ApplicationContextRunner().withUserConfiguration(StorageConfiguration.class);

    @BeforeAll
    static void startObjectStore() {
        server = LocalS3Server.start(directory, 0, "access", "secret-key");
    }

    @AfterAll
    static void stopObjectStore() {
        server.close();
    }

    @Test
    void createsTheBucketAtStartup() {
        contexts.withPropertyValues(
                        "lessoncommons.storage.endpoint=" + server.endpoint(),
                        "lessoncommons.storage.access-key=access",
                        "lessoncommons.storage.secret-key=secret-key",
                        "lessoncommons.storage.bucket=materials")
                .run(context -> {
                    BlobStore store = context.getBean(BlobStore.class);

                    store.put("hello.txt", new ByteArrayInputStream(new byte[] {1}), 1, "text/plain");

                    assertThat(store.stat("hello.txt")).isPresent();
                    assertThat(directory.resolve("materials")).isDirectory();
                });
    }

    @Test
    void defaultsMatchTheDocumentation() {
        contexts.withPropertyValues(
                        "lessoncommons.storage.endpoint=" + server.endpoint(),
                        "lessoncommons.storage.access-key=access",
                        "lessoncommons.storage.secret-key=secret-key")
                .run(context -> {
                    StorageProperties properties = context.getBean(StorageProperties.class);

                    assertThat(properties.bucket()).isEqualTo("lessoncommons");
                    assertThat(properties.region()).isEqualTo("us-east-1");
                    assertThat(properties.connectTimeout()).hasSeconds(2);
                    assertThat(properties.readTimeout()).hasSeconds(30);
                    assertThat(properties.presignExpiry()).hasMinutes(5);
                });
    }

    @Test
    void failsNamingTheEndpointWhenTheObjectStoreIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        contexts.withPropertyValues(
                        "lessoncommons.storage.endpoint=http://127.0.0.1:" + closedPort,
                        "lessoncommons.storage.access-key=access",
                        "lessoncommons.storage.secret-key=secret-key")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("Object store at http://127.0.0.1:" + closedPort + " is unavailable"));
    }

    @Test
    void rejectsPresignedUrlsLivingLongerThanFiveMinutes() {
        contexts.withPropertyValues(
                        "lessoncommons.storage.endpoint=" + server.endpoint(),
                        "lessoncommons.storage.access-key=access",
                        "lessoncommons.storage.secret-key=secret-key",
                        "lessoncommons.storage.presign-expiry=10m")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("presignExpiry"));
    }

    @Test
    void requiresCredentials() {
        contexts.withPropertyValues("lessoncommons.storage.endpoint=" + server.endpoint())
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("accessKey"));
    }
}
