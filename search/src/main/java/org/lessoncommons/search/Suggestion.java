package org.lessoncommons.search;

/**
 * A title to complete the search box with, from a material the viewer may see.
 *
 * @param id the best-matching material with this title (several schools may share one title)
 */
public record Suggestion(String id, String title) {}
