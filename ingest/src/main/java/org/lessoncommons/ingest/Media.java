package org.lessoncommons.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.lessoncommons.storage.Blob;
import org.lessoncommons.storage.BlobStore;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Duration, resolution, tags and a poster frame for videos and audio, kept per distinct file. */
public class Media {

    private final MediaProbe probe;
    private final BlobStore blobStore;
    private final JdbcClient jdbc;

    Media(MediaProbe probe, BlobStore blobStore, JdbcClient jdbc) {
        this.probe = probe;
        this.blobStore = blobStore;
        this.jdbc = jdbc;
    }

    static boolean isMedia(String contentType) {
        return contentType.startsWith("video/") || contentType.startsWith("audio/");
    }

    public Optional<MediaInfo> of(String sha256) {
        return jdbc.sql("""
                        SELECT duration_seconds, width, height, poster_key, title, artist, album, comment
                        FROM media WHERE sha256 = :sha
                        """)
                .param("sha", sha256)
                .query((rs, n) -> new MediaInfo(
                        (Double) rs.getObject("duration_seconds"),
                        (Integer) rs.getObject("width"),
                        (Integer) rs.getObject("height"),
                        rs.getString("poster_key"),
                        new MediaInfo.Tags(
                                rs.getString("title"),
                                rs.getString("artist"),
                                rs.getString("album"),
                                rs.getString("comment"))))
                .optional();
    }

    /**
     * Probes the file once per content; safe to repeat. Empty when ffprobe is missing or cannot
     * read the file.
     */
    Optional<MediaInfo> describe(Blob blob) {
        Optional<MediaInfo> known = of(blob.sha256());
        if (known.isPresent()) {
            return known;
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("lessoncommons-media-");
            Path file = dir.resolve("media");
            try (InputStream in = blobStore.get(blob.objectKey())) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            var found = probe.probe(file);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            String posterKey = found.get().hasPicture() ? poster(blob, file, found.get(), dir) : null;
            MediaInfo.Tags tags = found.get().tags();
            jdbc.sql("""
                            INSERT INTO media (sha256, duration_seconds, width, height, poster_key,
                                               title, artist, album, comment)
                            VALUES (:sha, :duration, :width, :height, :poster, :title, :artist, :album, :comment)
                            ON CONFLICT (sha256) DO NOTHING
                            """)
                    .param("sha", blob.sha256())
                    .param("duration", found.get().durationSeconds())
                    .param("width", found.get().width())
                    .param("height", found.get().height())
                    .param("poster", posterKey)
                    .param("title", tags.title())
                    .param("artist", tags.artist())
                    .param("album", tags.album())
                    .param("comment", tags.comment())
                    .update();
            return of(blob.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private @org.jspecify.annotations.Nullable String poster(Blob blob, Path file, MediaProbe.Probe found, Path dir)
            throws IOException {
        var jpeg = probe.poster(file, found.durationSeconds(), dir.resolve("poster.jpg"));
        if (jpeg.isEmpty()) {
            return null;
        }
        String key = "posters/" + blob.sha256() + ".jpg";
        try (InputStream in = Files.newInputStream(jpeg.get())) {
            blobStore.put(key, in, Files.size(jpeg.get()), "image/jpeg");
        }
        return key;
    }

    private static void deleteQuietly(Path dir) {
        if (dir != null) {
            org.springframework.util.FileSystemUtils.deleteRecursively(dir.toFile());
        }
    }
}
