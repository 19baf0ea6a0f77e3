package org.lessoncommons.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.Blob;
import org.lessoncommons.storage.BlobStore;
import org.lessoncommons.storage.Blobs;
import org.lessoncommons.storage.Material;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Streams a material's bytes from the object store through the app, never buffering them whole. */
@Component
class FileResponses {

    private final Blobs blobs;
    private final BlobStore blobStore;

    FileResponses(Blobs blobs, BlobStore blobStore) {
        this.blobs = blobs;
        this.blobStore = blobStore;
    }

    ResponseEntity<StreamingResponseBody> attachment(Material material, @Nullable String rangeHeader) {
        Blob blob = blobs.findById(material.sha256()).orElseThrow(() -> new MaterialNotFound(material.id()));
        long size = blob.sizeBytes();
        var range = ByteRange.parse(rangeHeader, size);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(material.fileName(), StandardCharsets.UTF_8)
                .build());
        headers.setContentType(ServedType.of(material.contentType()));
        headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        headers.set("Content-Security-Policy", "default-src 'none'; sandbox");
        if (range.isEmpty()) {
            headers.setContentLength(size);
            // Opened here, not in the body: an unavailable store is then a 503, not a broken 200.
            InputStream whole = blobStore.get(blob.objectKey());
            return new ResponseEntity<>(out -> copy(whole, out), headers, HttpStatus.OK);
        }
        ByteRange r = range.get();
        headers.setContentLength(r.length());
        headers.set(HttpHeaders.CONTENT_RANGE, "bytes " + r.first() + "-" + r.last() + "/" + size);
        InputStream part = blobStore.get(blob.objectKey(), r.first(), r.length());
        return new ResponseEntity<>(out -> copy(part, out), headers, HttpStatus.PARTIAL_CONTENT);
    }

    private static void copy(InputStream in, java.io.OutputStream out) throws java.io.IOException {
        try (in) {
            in.transferTo(out);
        }
    }
}
