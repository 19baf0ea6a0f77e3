package org.lessoncommons.search;

/**
 * A filter understood from the query text (三年级 → grade {@code GRADE_3}). To remove it, search again
 * without {@code words} in the text, or with them in quotes to search them as plain text.
 *
 * @param words the words of the text that produced it, as typed
 */
public record Chip(FacetField field, String code, String words) {}
