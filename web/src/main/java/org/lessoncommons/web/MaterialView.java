package org.lessoncommons.web;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.ingest.MediaInfo;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.School;

/** A material as the API shows it. */
record MaterialView(
        UUID id,
        String title,
        String description,
        Term subject,
        Term grade,
        Term resourceType,
        SchoolRef school,
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256,
        String status,
        @Nullable String failureReason,
        Instant createdAt,
        String fileUrl,
        @Nullable MediaView media,
        Term sharing,
        @Nullable UUID uploaderId,
        @Nullable Instant deletedAt,
        boolean changeable) {

    record SchoolRef(UUID id, String name) {}

    /**
     * Duration and size of a video or audio file, its own tags, and where its poster frame is
     * (audio has none).
     */
    record MediaView(
            @Nullable Double durationSeconds,
            @Nullable Integer width,
            @Nullable Integer height,
            @Nullable String posterUrl,
            @Nullable String title,
            @Nullable String artist,
            @Nullable String album) {

        public String duration() {
            if (durationSeconds == null) {
                return "";
            }
            long s = Math.round(durationSeconds);
            return s >= 3600
                    ? "%d:%02d:%02d".formatted(s / 3600, s / 60 % 60, s % 60)
                    : "%d:%02d".formatted(s / 60, s % 60);
        }
    }

    /**
     * @param changeable whether the viewer may edit, delete and restore it (the page shows the
     *     buttons; the API checks again)
     */
    static MaterialView of(Material m, @Nullable School school, @Nullable MediaInfo media, boolean changeable) {
        return new MaterialView(
                m.id(),
                m.title(),
                m.description(),
                Term.of(m.subject()),
                Term.of(m.grade()),
                Term.of(m.resourceType()),
                new SchoolRef(m.schoolId(), school == null ? "" : school.name()),
                m.fileName(),
                m.contentType(),
                m.sizeBytes(),
                m.sha256(),
                m.status().name(),
                m.failureReason(),
                m.createdAt(),
                "/api/materials/" + m.id() + "/file",
                media == null
                        ? null
                        : new MediaView(
                                media.durationSeconds(),
                                media.width(),
                                media.height(),
                                media.posterKey() == null ? null : "/api/materials/" + m.id() + "/poster",
                                media.tags().title(),
                                media.tags().artist(),
                                media.tags().album()),
                Term.of(m.sharing()),
                m.uploaderId(),
                m.deletedAt(),
                changeable);
    }
}
