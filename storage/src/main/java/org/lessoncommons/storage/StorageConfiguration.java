package org.lessoncommons.storage;

import io.minio.MinioClient;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The object store client and the {@link BlobStore} on it; the bucket is ensured at startup. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);
    private static final int BUCKET_ATTEMPTS = 5;
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(250);

    @Bean
    MinioClient minioClient(StorageProperties properties) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.readTimeout())
                .writeTimeout(properties.readTimeout())
                .protocols(List.of(Protocol.HTTP_1_1))
                .socketFactory(new NoDelaySocketFactory())
                .build();
        return MinioClient.builder()
                .endpoint(properties.endpoint().toString())
                .credentials(properties.accessKey(), properties.secretKey())
                .region(properties.region())
                .httpClient(http, true)
                .build();
    }

    @Bean
    BlobStore blobStore(MinioClient client, StorageProperties properties) {
        MinioBlobStore store = new MinioBlobStore(client, properties.bucket(), properties.presignExpiry());
        createBucket(store, properties);
        return store;
    }

    private static void createBucket(MinioBlobStore store, StorageProperties properties) {
        Duration delay = FIRST_RETRY_DELAY;
        for (int attempt = 1; ; attempt++) {
            try {
                store.createBucketIfMissing();
                return;
            } catch (ObjectStoreUnavailable e) {
                if (attempt == BUCKET_ATTEMPTS) {
                    throw new IllegalStateException(
                            "Object store at %s is unavailable: could not find or create bucket '%s' after %d attempts. Is it running, and are lessoncommons.storage.access-key and secret-key right? Last error: %s"
                                    .formatted(properties.endpoint(), properties.bucket(), attempt, e.getMessage()),
                            e);
                }
                log.info(
                        "Object store at {} not ready, retrying in {} ms: {}",
                        properties.endpoint(),
                        delay.toMillis(),
                        e.getMessage());
                sleep(delay);
                delay = delay.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the object store", e);
        }
    }
}
