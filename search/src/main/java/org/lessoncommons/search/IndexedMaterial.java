package org.lessoncommons.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the index knows about one material. Filter values (subject, grade, resource type, school,
 * edition, semester) are opaque codes to this module; the caller decides their meaning. School,
 * alliance, uploader and sharing decide who may see it ({@link Audience}).
 *
 * @param edition textbook edition code (人教版 …), if known
 * @param semester semester code (上册 / 下册), if known
 * @param chapter the unit or lesson it belongs to (第二单元 …), if known; matched below the title
 * @param tags keywords chosen by the uploader; matched below the title, above the body
 * @param downloads how often it was downloaded: a gentle ranking signal and a sort order; the
 *     caller re-indexes the material when the count has changed enough to matter
 */
public record IndexedMaterial(
        String id,
        String title,
        String body,
        String subject,
        String grade,
        String resourceType,
        String schoolId,
        String schoolName,
        String allianceId,
        @Nullable String uploaderId,
        Sharing sharing,
        String fileName,
        String contentType,
        Instant createdAt,
        @Nullable String edition,
        @Nullable String semester,
        @Nullable String chapter,
        List<String> tags,
        long downloads) {

    public IndexedMaterial {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(schoolId, "schoolId");
        Objects.requireNonNull(allianceId, "allianceId");
        Objects.requireNonNull(sharing, "sharing");
        tags = tags == null ? List.of() : List.copyOf(tags);
        if (downloads < 0) {
            throw new IllegalArgumentException("downloads must be 0 or more");
        }
    }

    /** A material without edition, semester, chapter, tags or downloads. */
    public IndexedMaterial(
            String id,
            String title,
            String body,
            String subject,
            String grade,
            String resourceType,
            String schoolId,
            String schoolName,
            String allianceId,
            @Nullable String uploaderId,
            Sharing sharing,
            String fileName,
            String contentType,
            Instant createdAt) {
        this(
                id,
                title,
                body,
                subject,
                grade,
                resourceType,
                schoolId,
                schoolName,
                allianceId,
                uploaderId,
                sharing,
                fileName,
                contentType,
                createdAt,
                null,
                null,
                null,
                List.of(),
                0);
    }

    /** The same material with textbook details: edition, semester and chapter codes or words. */
    public IndexedMaterial withTextbook(@Nullable String edition, @Nullable String semester, @Nullable String chapter) {
        return new IndexedMaterial(
                id,
                title,
                body,
                subject,
                grade,
                resourceType,
                schoolId,
                schoolName,
                allianceId,
                uploaderId,
                sharing,
                fileName,
                contentType,
                createdAt,
                edition,
                semester,
                chapter,
                tags,
                downloads);
    }

    public IndexedMaterial withTags(List<String> tags) {
        return new IndexedMaterial(
                id,
                title,
                body,
                subject,
                grade,
                resourceType,
                schoolId,
                schoolName,
                allianceId,
                uploaderId,
                sharing,
                fileName,
                contentType,
                createdAt,
                edition,
                semester,
                chapter,
                tags,
                downloads);
    }

    public IndexedMaterial withDownloads(long downloads) {
        return new IndexedMaterial(
                id,
                title,
                body,
                subject,
                grade,
                resourceType,
                schoolId,
                schoolName,
                allianceId,
                uploaderId,
                sharing,
                fileName,
                contentType,
                createdAt,
                edition,
                semester,
                chapter,
                tags,
                downloads);
    }
}
