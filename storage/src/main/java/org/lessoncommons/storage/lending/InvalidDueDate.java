package org.lessoncommons.storage.lending;

import java.time.LocalDate;

/** A due date in the past, today, or further ahead than a loan may run. */
public class InvalidDueDate extends RuntimeException {

    private final LocalDate earliest;
    private final LocalDate latest;

    public InvalidDueDate(LocalDate due, LocalDate earliest, LocalDate latest) {
        super("Due date %s must lie between %s and %s".formatted(due, earliest, latest));
        this.earliest = earliest;
        this.latest = latest;
    }

    public LocalDate earliest() {
        return earliest;
    }

    public LocalDate latest() {
        return latest;
    }
}
