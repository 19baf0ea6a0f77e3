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

    /** Chapter and tags: words and bigrams, scored between title and body. */
    static final String TAGS = "tags";

    static final String TAGS_CJK = "tags.cjk";

    /** The title's tone-less pinyin syllables (jing ye si) and their initials (j y s), one token each. */
    static final String TITLE_PINYIN = "title.pinyin";

    static final String TITLE_INITIALS = "title.initials";

    /**
     * Every run of two to {@value Pinyin#LONGEST_RUN} consecutive initials of the title (jy, ys,
     * jys…), one term each: typed initials are one term lookup, not a phrase of letters that are
     * in almost every title.
     */
    static final String TITLE_INITIAL_RUNS = "title.initials.runs";

    /** Exact filters (indexed keyword + doc values, ready for facets). */
    static final String SUBJECT = "subject";

    static final String GRADE = "grade";
    static final String RESOURCE_TYPE = "resourceType";
    static final String SCHOOL_ID = "schoolId";
    static final String EDITION = "edition";
    static final String SEMESTER = "semester";

    /** The year of createdAt in China (UTC+8), as a keyword: 2025. */
    static final String YEAR = "year";

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

    /** Stored count plus numeric doc values, for ranking and sorting. */
    static final String DOWNLOADS = "downloads";

    /**
     * Which rebuild wrote the document (a point, never stored): a full rebuild removes what was
     * written before it began and is no longer a material.
     */
    static final String GENERATION = "generation";

    private LuceneFields() {}

    static String bigrams(String wordField) {
        return wordField + ".cjk";
    }
}
