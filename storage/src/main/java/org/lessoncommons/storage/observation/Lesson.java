package org.lessoncommons.storage.observation;

import java.util.UUID;

/** One teacher's lesson in a session; a 同课异构 session has several. */
public record Lesson(UUID id, UUID sessionId, Person teacher, int position) {}
