package org.lessoncommons.ingest;

import java.time.Instant;
import java.util.List;

/**
 * What a consistency check found: how much it looked at, and every drift.
 *
 * @param repair whether the check was asked to repair what it safely can
 * @param checksums whether every object was read back and hashed (slow), or only its size compared
 */
public record ConsistencyReport(
        Instant checkedAt,
        boolean repair,
        boolean checksums,
        int materials,
        int blobs,
        int objects,
        int indexDocuments,
        List<Drift> drifts) {

    public ConsistencyReport {
        drifts = List.copyOf(drifts);
    }

    public boolean consistent() {
        return drifts.stream().allMatch(d -> d.action() == Drift.Action.REPAIRED);
    }
}
