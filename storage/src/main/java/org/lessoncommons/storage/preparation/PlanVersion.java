package org.lessoncommons.storage.preparation;

import java.time.Instant;

/** A plan text as it was before a later save replaced it. */
public record PlanVersion(int version, String plan, String savedByName, Instant savedAt) {}
