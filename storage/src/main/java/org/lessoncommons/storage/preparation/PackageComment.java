package org.lessoncommons.storage.preparation;

import java.time.Instant;
import java.util.UUID;

/** One post in a package's discussion thread. */
public record PackageComment(long id, UUID authorId, String authorName, String body, Instant createdAt) {}
