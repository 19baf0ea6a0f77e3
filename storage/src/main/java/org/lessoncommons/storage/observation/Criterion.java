package org.lessoncommons.storage.observation;

import java.util.UUID;

/** One line of an alliance's evaluation rubric, scored from 0 to {@code maxScore}. */
public record Criterion(UUID id, String name, int maxScore, int position) {}
