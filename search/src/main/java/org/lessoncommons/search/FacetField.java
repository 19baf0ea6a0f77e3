package org.lessoncommons.search;

/** A field materials can be filtered and counted by. Its values are opaque codes. */
public enum FacetField {
    SUBJECT(LuceneFields.SUBJECT),
    GRADE(LuceneFields.GRADE),
    RESOURCE_TYPE(LuceneFields.RESOURCE_TYPE),
    SCHOOL(LuceneFields.SCHOOL_ID),
    EDITION(LuceneFields.EDITION),
    SEMESTER(LuceneFields.SEMESTER),
    /** The year a material was added (in China's time zone), as digits: {@code 2025}. */
    YEAR(LuceneFields.YEAR);

    private final String luceneField;

    FacetField(String luceneField) {
        this.luceneField = luceneField;
    }

    String luceneField() {
        return luceneField;
    }
}
