package org.lessoncommons.ingest;

import java.nio.file.Path;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.Sharing;
import org.lessoncommons.storage.Subject;

/**
 * A ZIP of a folder to import. Each file's subject, grade and type are inferred from its folder
 * path and name; the defaults apply where nothing can be inferred.
 *
 * @param zip a local copy of the archive; deleted once the import ends
 */
public record BulkUpload(
        Path zip,
        String fileName,
        UUID schoolId,
        @Nullable UUID uploaderId,
        @Nullable Subject defaultSubject,
        @Nullable Grade defaultGrade,
        @Nullable ResourceType defaultType,
        Sharing sharing) {

    /** An import whose files are shared with the alliance. */
    public BulkUpload(
            Path zip,
            String fileName,
            UUID schoolId,
            @Nullable UUID uploaderId,
            @Nullable Subject defaultSubject,
            @Nullable Grade defaultGrade,
            @Nullable ResourceType defaultType) {
        this(zip, fileName, schoolId, uploaderId, defaultSubject, defaultGrade, defaultType, Sharing.ALLIANCE);
    }
}
