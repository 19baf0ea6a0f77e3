package org.lessoncommons.ingest;

import java.util.Objects;

/**
 * One disagreement between PostgreSQL, the object store and the search index, and what the check
 * did about it.
 *
 * @param subject the material id or object key the drift is about
 */
public record Drift(Kind kind, String subject, String detail, Action action) {

    public enum Kind {
        /** A material's bytes are not in the object store. */
        MISSING_OBJECT,
        /** The stored object's size is not the size recorded for it. */
        SIZE_MISMATCH,
        /** The stored object's SHA-256 is not the one it is named by. */
        CHECKSUM_MISMATCH,
        /** An object no row refers to (a crashed upload, or a row deleted by hand). */
        ORPHAN_OBJECT,
        /** An index document whose material is deleted or gone. */
        ORPHAN_INDEX_DOCUMENT,
        /** A searchable material the index does not hold. */
        MISSING_FROM_INDEX,
        /** A material waiting for extraction without a job in the queue: it would wait forever. */
        NOT_QUEUED
    }

    public enum Action {
        /** Only reported: repairing it needs a person (or {@code repair=true}). */
        REPORTED,
        /** Repaired by this check. */
        REPAIRED,
        /** An orphan younger than the grace period: an upload may still be on its way. */
        WITHIN_GRACE
    }

    public Drift {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(detail);
        Objects.requireNonNull(action);
    }
}
