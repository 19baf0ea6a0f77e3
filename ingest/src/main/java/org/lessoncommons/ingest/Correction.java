package org.lessoncommons.ingest;

import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.Sharing;
import org.lessoncommons.storage.Subject;

/** The uploader's corrections to a material's metadata; null fields stay as they are. */
public record Correction(
        @Nullable String title,
        @Nullable String description,
        @Nullable Subject subject,
        @Nullable Grade grade,
        @Nullable ResourceType resourceType,
        @Nullable Sharing sharing) {

    /** Corrections that leave the sharing as it is. */
    public Correction(
            @Nullable String title,
            @Nullable String description,
            @Nullable Subject subject,
            @Nullable Grade grade,
            @Nullable ResourceType resourceType) {
        this(title, description, subject, grade, resourceType, null);
    }
}
