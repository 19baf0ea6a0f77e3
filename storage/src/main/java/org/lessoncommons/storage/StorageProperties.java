package org.lessoncommons.storage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The S3-compatible object store (MinIO in production).
 *
 * @param endpoint base URL of the S3 API, without a path
 * @param accessKey access key (MinIO user)
 * @param secretKey secret key (MinIO password)
 * @param bucket bucket for all objects; created at startup if missing
 * @param region region to sign for; setting it spares a GetBucketLocation round trip
 * @param connectTimeout how long to wait for a TCP connection: an unreachable store fails this fast
 * @param readTimeout how long to wait for each read or write on an open connection
 * @param presignExpiry the longest a presigned download URL lives (at most 5 minutes)
 */
@Validated
@ConfigurationProperties("lessoncommons.storage")
public record StorageProperties(
        @DefaultValue("http://127.0.0.1:9000") @NotNull URI endpoint,
        @NotBlank String accessKey,
        @NotBlank String secretKey,

        @DefaultValue("lessoncommons") @Pattern(regexp = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")
        String bucket,

        @DefaultValue("us-east-1") @NotBlank String region,
        @DefaultValue("2s") @DurationMin(millis = 1) Duration connectTimeout,
        @DefaultValue("30s") @DurationMin(millis = 1) Duration readTimeout,

        @DefaultValue("5m") @DurationMin(seconds = 1) @DurationMax(minutes = 5)
        Duration presignExpiry) {}
