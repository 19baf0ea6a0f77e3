package org.lessoncommons.storage.observation;

import java.util.UUID;

/** A teacher or observer of a session, with their school. */
public record Person(UUID accountId, String displayName, UUID schoolId, String schoolName) {}
