package org.lessoncommons.storage.observation;

import java.time.Instant;
import java.util.UUID;

/** A comment pinned to a moment (in seconds) of a lesson's video. */
public record Moment(
        long id, UUID lessonId, UUID videoId, String authorName, int seconds, String body, Instant createdAt) {

    /** As a player shows it: 1:05 or 1:02:03. */
    public String time() {
        return seconds >= 3600
                ? "%d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60)
                : "%d:%02d".formatted(seconds / 60, seconds % 60);
    }
}
