package org.lessoncommons.storage.preparation;

import java.time.Instant;
import java.util.UUID;

/** A material in a package, at its place in the order, with the member's note on it. */
public record PackageItem(UUID materialId, int position, String note, String addedByName, Instant addedAt) {}
