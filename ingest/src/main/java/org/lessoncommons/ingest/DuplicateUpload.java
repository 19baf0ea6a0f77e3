package org.lessoncommons.ingest;

import java.util.UUID;

/** The school already holds a material with exactly these bytes; nothing new was stored. */
public class DuplicateUpload extends RuntimeException {

    private final UUID existing;

    public DuplicateUpload(UUID existing) {
        super("本校已有内容完全相同的资源: " + existing);
        this.existing = existing;
    }

    public UUID existing() {
        return existing;
    }
}
