package org.lessoncommons.storage;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * File bytes in an S3-compatible object store. Keys are chosen by the application (never by the
 * uploader), so a file name can never become a path.
 */
public interface BlobStore {

    /**
     * Streams {@code content} into the store. {@code size} may be {@code -1} when unknown; the
     * content is then sent in bounded parts, never buffered whole.
     */
    void put(String key, InputStream content, long size, String contentType);

    /** Opens the whole object. The caller closes the stream. */
    InputStream get(String key);

    /** Opens {@code length} bytes starting at {@code offset}. The caller closes the stream. */
    InputStream get(String key, long offset, long length);

    Optional<BlobInfo> stat(String key);

    /** Deletes the object; deleting a missing key is not an error. */
    void delete(String key);

    /**
     * A URL anyone can GET until it expires, served as an attachment named {@code downloadName}.
     */
    URI presignedGet(String key, Duration expiry, String downloadName);

    /**
     * Every object whose key starts with {@code prefix}, in key order, fetched page by page as the
     * stream is consumed (for the consistency check, which must not hold a whole bucket in memory).
     */
    java.util.stream.Stream<StoredObject> list(String prefix);

    record BlobInfo(String key, long size, String contentType) {}

    /** An object as a bucket listing shows it. */
    record StoredObject(String key, long size, java.time.Instant lastModified) {}
}
