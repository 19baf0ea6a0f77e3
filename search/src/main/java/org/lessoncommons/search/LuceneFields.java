package org.lessoncommons.search;

/** Field names of a material document. */
final class LuceneFields {

    static final String ID = "id";

    /** Word fields, segmented by smartcn; the title is stored for display. */
    static final String TITLE = "title";

    static final String BODY = "body";

    /**
     * Overlapping CJK bigram (+ unigram) sub-fields: exact substrings when smartcn segments wrongly.
     * Indexed with offsets and stored (the body capped) for highlighting.
     */
    static final String TITLE_CJK = "title.cjk";

    static final String BODY_CJK = "body.cjk";

    /** Exact filters (indexed keyword + doc values, ready for facets). */
    static final String SUBJECT = "subject";

    static final String GRADE = "grade";
    static final String RESOURCE_TYPE = "resourceType";
    static final String SCHOOL_ID = "schoolId";

    /** Who may see the material (see {@link Audience}): exact, never displayed. */
    static final String ALLIANCE_ID = "allianceId";

    static final String UPLOADER_ID = "uploaderId";
    static final String SHARING = "sharing";

    /** Display only. */
    static final String SCHOOL_NAME = "schoolName";

    static final String FILE_NAME = "fileName";
    static final String CONTENT_TYPE = "contentType";

    /** Stored epoch millis plus numeric doc values for newest-first sorting. */
    static final String CREATED_AT = "createdAt";

    private LuceneFields() {}

    static String bigrams(String wordField) {
        return wordField + ".cjk";
    }
}
