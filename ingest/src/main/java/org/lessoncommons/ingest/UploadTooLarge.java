package org.lessoncommons.ingest;

import org.springframework.util.unit.DataSize;

/** An upload went past the configured size limit while it was streaming in. */
public class UploadTooLarge extends RuntimeException {

    private final DataSize limit;

    public UploadTooLarge(DataSize limit) {
        super("The file is larger than the limit of " + limit.toMegabytes() + " MB");
        this.limit = limit;
    }

    public DataSize limit() {
        return limit;
    }
}
