package org.lessoncommons.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.Blob;
import org.lessoncommons.storage.BlobStore;
import org.lessoncommons.storage.Blobs;
import org.lessoncommons.storage.Material;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Streams a material's bytes from the object store through the app, never buffering them whole,
 * honouring a single HTTP Range (so videos seek). Downloads are always attachments; only types a
 * browser shows without running anything of the file's (PDF, raster images, audio, video) are ever
 * served inline. The exact file name travels as RFC 5987 {@code filename*}.
 */
@Component
class FileResponses {

    /** Shown inline by the preview; HTML, SVG, XML and everything else are only downloaded. */
    static final Set<String> INLINE_TYPES = Set.of(
            "application/pdf",
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/webp",
            "video/mp4",
            "video/webm",
            "video/ogg",
            "video/quicktime",
            "audio/mpeg",
            "audio/mp4",
            "audio/ogg",
            "audio/webm",
            "audio/wav",
            "audio/x-wav",
            "audio/aac");

    private final Blobs blobs;
    private final BlobStore blobStore;

    FileResponses(Blobs blobs, BlobStore blobStore) {
        this.blobs = blobs;
        this.blobStore = blobStore;
    }

    static boolean showsInline(String contentType) {
        return INLINE_TYPES.contains(baseType(contentType));
    }

    ResponseEntity<StreamingResponseBody> attachment(Material material, @Nullable String rangeHeader) {
        Blob blob = blobs.findById(material.sha256()).orElseThrow(() -> new MaterialNotFound(material.id()));
        return stream(
                blob.objectKey(),
                blob.sizeBytes(),
                ServedType.of(material.contentType()),
                ContentDisposition.attachment(),
                material.fileName(),
                rangeHeader);
    }

    /** The file itself for the preview, when its type is on the allow-list. */
    ResponseEntity<StreamingResponseBody> inline(Material material, @Nullable String rangeHeader) {
        if (!showsInline(material.contentType())) {
            throw new NoPreview(material.id());
        }
        Blob blob = blobs.findById(material.sha256()).orElseThrow(() -> new MaterialNotFound(material.id()));
        return stream(
                blob.objectKey(),
                blob.sizeBytes(),
                MediaType.parseMediaType(baseType(material.contentType())),
                ContentDisposition.inline(),
                material.fileName(),
                rangeHeader);
    }

    /** A PDF the app made itself (a LibreOffice rendition), shown inline. */
    ResponseEntity<StreamingResponseBody> pdf(String key, String fileName, @Nullable String rangeHeader) {
        BlobStore.BlobInfo info = blobStore.stat(key).orElseThrow(() -> new NoPreview(null));
        String name = fileName.replaceFirst("\\.[^.]*$", "") + ".pdf";
        return stream(key, info.size(), MediaType.APPLICATION_PDF, ContentDisposition.inline(), name, rangeHeader);
    }

    private ResponseEntity<StreamingResponseBody> stream(
            String key,
            long size,
            MediaType type,
            ContentDisposition.Builder disposition,
            String fileName,
            @Nullable String rangeHeader) {
        var range = ByteRange.parse(rangeHeader, size);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(
                disposition.filename(fileName, StandardCharsets.UTF_8).build());
        headers.setContentType(type);
        headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        // Chrome's PDF viewer does not run in a sandboxed document, so a PDF previewed inline gets
        // object-src instead; a download and everything else is sandboxed.
        boolean inlinePdf = type.equals(MediaType.APPLICATION_PDF)
                && "inline".equals(headers.getContentDisposition().getType());
        headers.set(
                "Content-Security-Policy",
                inlinePdf ? "default-src 'none'; object-src 'self'" : "default-src 'none'; sandbox");
        if (range.isEmpty()) {
            headers.setContentLength(size);
            // Opened here, not in the body: an unavailable store is then a 503, not a broken 200.
            InputStream whole = blobStore.get(key);
            return new ResponseEntity<>(out -> copy(whole, out), headers, HttpStatus.OK);
        }
        ByteRange r = range.get();
        headers.setContentLength(r.length());
        headers.set(HttpHeaders.CONTENT_RANGE, "bytes " + r.first() + "-" + r.last() + "/" + size);
        InputStream part = blobStore.get(key, r.first(), r.length());
        return new ResponseEntity<>(out -> copy(part, out), headers, HttpStatus.PARTIAL_CONTENT);
    }

    private static String baseType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    private static void copy(InputStream in, java.io.OutputStream out) throws java.io.IOException {
        try (in) {
            in.transferTo(out);
        }
    }
}
