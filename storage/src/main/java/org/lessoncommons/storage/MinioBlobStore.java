package org.lessoncommons.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.http.Method;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** {@link BlobStore} on MinIO or any S3-compatible server, through the MinIO Java SDK. */
public final class MinioBlobStore implements BlobStore {

    /** Part size for content of unknown length: the most an upload holds in memory at a time. */
    static final long PART_SIZE = 10L * 1024 * 1024;

    /** Presigned URLs never live longer than this, whatever the caller or the configuration asks. */
    public static final Duration MAX_PRESIGN_EXPIRY = Duration.ofMinutes(5);

    private final MinioClient client;
    private final String bucket;
    private final Duration maxPresignExpiry;

    /**
     * @param maxPresignExpiry the longest a presigned URL may live, itself at most {@link
     *     #MAX_PRESIGN_EXPIRY}
     */
    public MinioBlobStore(MinioClient client, String bucket, Duration maxPresignExpiry) {
        if (maxPresignExpiry.compareTo(Duration.ofSeconds(1)) < 0
                || maxPresignExpiry.compareTo(MAX_PRESIGN_EXPIRY) > 0) {
            throw new IllegalArgumentException("Presign expiry must be between 1 s and 5 min: " + maxPresignExpiry);
        }
        this.client = Objects.requireNonNull(client);
        this.bucket = Objects.requireNonNull(bucket);
        this.maxPresignExpiry = maxPresignExpiry;
    }

    /** Creates the bucket unless it exists; fails with {@link ObjectStoreUnavailable}. */
    public void createBucketIfMissing() {
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
        } catch (ErrorResponseException e) {
            if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
                throw failure("create bucket " + bucket, bucket, e);
            }
        } catch (MinioException | IOException | GeneralSecurityException e) {
            throw failure("create bucket " + bucket, bucket, e);
        }
    }

    @Override
    public void put(String key, InputStream content, long size, String contentType) {
        SourceStream source = new SourceStream(content);
        PutObjectArgs args = PutObjectArgs.builder().bucket(bucket).object(key).stream(
                        source, size, size < 0 ? PART_SIZE : -1)
                .contentType(contentType)
                .build();
        try {
            client.putObject(args);
        } catch (MinioException | IOException | GeneralSecurityException | RuntimeException e) {
            throw source.failure().orElseGet(() -> failure("put " + key + " into bucket " + bucket, key, e));
        }
    }

    @Override
    public InputStream get(String key) {
        return open(key, GetObjectArgs.builder().bucket(bucket).object(key).build());
    }

    @Override
    public InputStream get(String key, long offset, long length) {
        if (offset < 0 || length <= 0) {
            throw new IllegalArgumentException("Bad range: offset " + offset + ", length " + length);
        }
        return open(
                key,
                GetObjectArgs.builder()
                        .bucket(bucket)
                        .object(key)
                        .offset(offset)
                        .length(length)
                        .build());
    }

    private InputStream open(String key, GetObjectArgs args) {
        try {
            return client.getObject(args);
        } catch (MinioException | IOException | GeneralSecurityException e) {
            throw failure("get " + key + " from bucket " + bucket, key, e);
        }
    }

    @Override
    public Optional<BlobInfo> stat(String key) {
        try {
            StatObjectResponse stat = client.statObject(
                    StatObjectArgs.builder().bucket(bucket).object(key).build());
            return Optional.of(new BlobInfo(key, stat.size(), stat.contentType()));
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                return Optional.empty();
            }
            throw failure("stat " + key + " in bucket " + bucket, key, e);
        } catch (MinioException | IOException | GeneralSecurityException e) {
            throw failure("stat " + key + " in bucket " + bucket, key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            client.removeObject(
                    RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (MinioException | IOException | GeneralSecurityException e) {
            throw failure("delete " + key + " from bucket " + bucket, key, e);
        }
    }

    @Override
    public Stream<StoredObject> list(String prefix) {
        Iterable<Result<Item>> results = client.listObjects(ListObjectsArgs.builder()
                .bucket(bucket)
                .prefix(prefix)
                .recursive(true)
                .build());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(results.iterator(), Spliterator.ORDERED), false)
                .map(result -> item(result, prefix))
                .filter(item -> !item.isDir())
                .map(item -> new StoredObject(
                        item.objectName(), item.size(), item.lastModified().toInstant()));
    }

    private Item item(Result<Item> result, String prefix) {
        try {
            return result.get();
        } catch (MinioException | IOException | GeneralSecurityException e) {
            throw failure("list " + prefix + "* in bucket " + bucket, prefix, e);
        }
    }

    /** Signs a GET locally (no request is made); {@code expiry} is capped at the configured maximum. */
    @Override
    public URI presignedGet(String key, Duration expiry, String downloadName) {
        long seconds = (expiry.compareTo(maxPresignExpiry) > 0 ? maxPresignExpiry : expiry).toSeconds();
        if (seconds < 1) {
            throw new IllegalArgumentException("Presigned URLs live at least one second: " + expiry);
        }
        try {
            return URI.create(client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .method(Method.GET)
                    .bucket(bucket)
                    .object(key)
                    .expiry((int) seconds, TimeUnit.SECONDS)
                    .extraQueryParams(Map.of("response-content-disposition", AttachmentDisposition.of(downloadName)))
                    .build()));
        } catch (MinioException | IOException | GeneralSecurityException e) {
            throw failure("presign " + key + " in bucket " + bucket, key, e);
        }
    }

    private static RuntimeException failure(String operation, String key, Exception e) {
        if (e instanceof ErrorResponseException response) {
            String code = response.errorResponse().code();
            if ("NoSuchKey".equals(code)) {
                return new BlobNotFound(key);
            }
            if ("InvalidRange".equals(code)) {
                return new IllegalArgumentException("Range outside object " + key, e);
            }
            String message = response.errorResponse().message();
            return new ObjectStoreUnavailable(
                    "Object store refused to %s: %s (%s)".formatted(operation, code, message), e);
        }
        if (e instanceof GeneralSecurityException) {
            return new IllegalStateException("Cannot sign requests to the object store", e);
        }
        if (e instanceof RuntimeException runtime && !(e.getCause() instanceof IOException)) {
            return runtime;
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof InterruptedIOException) {
            reason = "timed out (" + reason + ")";
        }
        return new ObjectStoreUnavailable("Object store unavailable: could not %s: %s".formatted(operation, reason), e);
    }
}
