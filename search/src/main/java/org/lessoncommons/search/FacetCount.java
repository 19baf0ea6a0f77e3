package org.lessoncommons.search;

import org.jspecify.annotations.Nullable;

/**
 * How many visible matches have {@code code} in a field, counted as if the field's own selection
 * were not applied (so selecting one value does not hide the others).
 *
 * @param group the 学段 of a grade (幼儿园, 小学, 初中, 高中); null for other fields and unknown codes
 */
public record FacetCount(
        String code, long count, boolean selected, @Nullable String group) {}
