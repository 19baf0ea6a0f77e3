package org.lessoncommons.storage.observation;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A material uploaded from a session, of one of its lessons or of the session as a whole. */
public record SessionFile(UUID materialId, @Nullable UUID lessonId, FileKind kind, UUID addedBy, Instant addedAt) {}
