package org.lessoncommons.ingest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** How far a bulk upload has got, and what became of each file so far. */
public record BatchProgress(
        UUID id,
        UUID schoolId,
        String fileName,
        String status,
        @Nullable String message,
        int total,
        List<Item> items,
        Instant createdAt,
        @Nullable Instant finishedAt) {

    /** {@code outcome} is ACCEPTED, REJECTED (with a reason) or SKIPPED (not a teaching file). */
    public record Item(
            int position,
            String entryName,
            String outcome,
            @Nullable UUID materialId,
            @Nullable UUID duplicateOf,
            @Nullable String message) {}

    public long count(String outcome) {
        return items.stream().filter(i -> i.outcome().equals(outcome)).count();
    }

    public int processed() {
        return items.size();
    }

    public boolean running() {
        return status.equals("RUNNING");
    }
}
