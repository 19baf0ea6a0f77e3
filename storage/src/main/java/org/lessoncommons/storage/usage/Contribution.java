package org.lessoncommons.storage.usage;

import java.util.UUID;

/**
 * What a school gave and took in a period: materials it contributed (in the period, and in the
 * library in all), views and downloads of them by people of other schools, and its own people's views
 * and downloads of other schools' materials.
 */
public record Contribution(
        UUID schoolId, String schoolName, long contributed, long inLibrary, long usedByOthers, long useOfOthers) {}
