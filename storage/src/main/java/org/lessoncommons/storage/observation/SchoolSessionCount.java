package org.lessoncommons.storage.observation;

import java.util.UUID;

/**
 * How many observation sessions a school hosted, and how many others' sessions its teachers
 * attended (as observer or teaching teacher), in a date range.
 */
public record SchoolSessionCount(UUID schoolId, String schoolName, long hosted, long attended) {}
