package org.lessoncommons.search;

/** How results are ordered. Browsing without words is always newest first unless most downloaded. */
public enum SortOrder {
    /** Best match first, with freshness and downloads as gentle tie-breaking signals. */
    RELEVANCE,
    NEWEST,
    MOST_DOWNLOADED
}
