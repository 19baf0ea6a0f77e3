package org.lessoncommons.storage;

/** Where a material is in the ingest pipeline. */
public enum MaterialStatus {
    /** Stored and queued; not yet searchable. */
    PENDING,
    /** Text extraction is running. */
    EXTRACTING,
    /** Searchable. */
    INDEXED,
    /** Extraction gave up; the file is still stored and downloadable. */
    FAILED
}
