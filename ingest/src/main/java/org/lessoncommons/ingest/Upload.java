package org.lessoncommons.ingest;

import java.io.InputStream;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.Sharing;
import org.lessoncommons.storage.Subject;

/**
 * A file being uploaded and what the teacher said about it. The content is read once, as a
 * stream.
 *
 * @param title shown in search results; the file name (without extension) when blank
 * @param subtitles an optional .srt/.vtt file uploaded with a video; its lines become searchable
 */
public record Upload(
        String fileName,
        InputStream content,
        UUID schoolId,
        @Nullable UUID uploaderId,
        @Nullable String title,
        String description,
        Subject subject,
        Grade grade,
        ResourceType resourceType,
        @Nullable InputStream subtitles,
        Sharing sharing) {

    /** An upload shared with the alliance. */
    public Upload(
            String fileName,
            InputStream content,
            UUID schoolId,
            @Nullable UUID uploaderId,
            @Nullable String title,
            String description,
            Subject subject,
            Grade grade,
            ResourceType resourceType,
            @Nullable InputStream subtitles) {
        this(
                fileName,
                content,
                schoolId,
                uploaderId,
                title,
                description,
                subject,
                grade,
                resourceType,
                subtitles,
                Sharing.ALLIANCE);
    }

    /** An upload without a sidecar subtitle file, shared with the alliance. */
    public Upload(
            String fileName,
            InputStream content,
            UUID schoolId,
            @Nullable UUID uploaderId,
            @Nullable String title,
            String description,
            Subject subject,
            Grade grade,
            ResourceType resourceType) {
        this(fileName, content, schoolId, uploaderId, title, description, subject, grade, resourceType, null);
    }

    public Upload {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(sharing, "sharing");
        fileName = FileNames.clean(fileName);
        description = description == null ? "" : description.strip();
        title = title == null || title.isBlank() ? FileNames.withoutExtension(fileName) : title.strip();
    }

    public String effectiveTitle() {
        return Objects.requireNonNull(title);
    }
}
