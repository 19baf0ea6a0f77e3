package org.lessoncommons.ingest;

import org.jspecify.annotations.Nullable;

/**
 * What a video or audio file holds, as ffprobe reports it.
 *
 * @param posterKey object-store key of a JPEG frame from the video; null for audio or when none
 *     could be taken
 */
public record MediaInfo(
        @Nullable Double durationSeconds,
        @Nullable Integer width,
        @Nullable Integer height,
        @Nullable String posterKey) {}
