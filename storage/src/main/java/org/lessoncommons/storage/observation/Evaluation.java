package org.lessoncommons.storage.observation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An observer's 评课 of one lesson: a score per criterion and a comment. */
public record Evaluation(
        UUID id, UUID lessonId, Person observer, String comment, Instant savedAt, Map<UUID, Integer> scores) {

    public Evaluation {
        scores = Map.copyOf(scores);
    }
}
