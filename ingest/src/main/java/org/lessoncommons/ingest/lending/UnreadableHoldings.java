package org.lessoncommons.ingest.lending;

/** A holdings file that cannot be read at all (not a sheet, no header, a required column missing). */
public class UnreadableHoldings extends RuntimeException {

    public UnreadableHoldings(String message) {
        super(message);
    }

    public UnreadableHoldings(String message, Throwable cause) {
        super(message, cause);
    }
}
