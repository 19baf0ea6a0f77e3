package org.lessoncommons.search;

import static org.lessoncommons.search.LuceneFields.ALLIANCE_ID;
import static org.lessoncommons.search.LuceneFields.BODY;
import static org.lessoncommons.search.LuceneFields.BODY_CJK;
import static org.lessoncommons.search.LuceneFields.CONTENT_TYPE;
import static org.lessoncommons.search.LuceneFields.CREATED_AT;
import static org.lessoncommons.search.LuceneFields.DOWNLOADS;
import static org.lessoncommons.search.LuceneFields.EDITION;
import static org.lessoncommons.search.LuceneFields.FILE_NAME;
import static org.lessoncommons.search.LuceneFields.GENERATION;
import static org.lessoncommons.search.LuceneFields.GRADE;
import static org.lessoncommons.search.LuceneFields.ID;
import static org.lessoncommons.search.LuceneFields.RESOURCE_TYPE;
import static org.lessoncommons.search.LuceneFields.SCHOOL_ID;
import static org.lessoncommons.search.LuceneFields.SCHOOL_NAME;
import static org.lessoncommons.search.LuceneFields.SEMESTER;
import static org.lessoncommons.search.LuceneFields.SHARING;
import static org.lessoncommons.search.LuceneFields.SUBJECT;
import static org.lessoncommons.search.LuceneFields.TAGS;
import static org.lessoncommons.search.LuceneFields.TAGS_CJK;
import static org.lessoncommons.search.LuceneFields.TITLE;
import static org.lessoncommons.search.LuceneFields.TITLE_CJK;
import static org.lessoncommons.search.LuceneFields.TITLE_INITIALS;
import static org.lessoncommons.search.LuceneFields.TITLE_INITIAL_RUNS;
import static org.lessoncommons.search.LuceneFields.TITLE_PINYIN;
import static org.lessoncommons.search.LuceneFields.UPLOADER_ID;
import static org.lessoncommons.search.LuceneFields.YEAR;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.jspecify.annotations.Nullable;

/** Maps materials to Lucene documents and stored documents back to hits. */
final class MaterialDocument {

    /** The full body is indexed; only this much is stored, for snippets. */
    static final int MAX_STORED_BODY = 200_000;

    /**
     * smartcn segments about a million characters a second, so a bound volume of 300 pages took
     * longer to index than to extract. Its words are indexed up to here (some 30 pages); beyond,
     * the bigram field, which holds the whole body, finds them (every term also matches verbatim).
     */
    static final int SEGMENTED_BODY = 50_000;

    /**
     * The bigram fields record offsets in their postings: the highlighter reads matches from the
     * index instead of re-analyzing every stored body of a result page (20 × 200 000 characters
     * took ~0.8 s that way).
     */
    private static final FieldType BIGRAMS = bigrams(false);

    /** The title's bigram field also stores the title, which is what the highlighter marks up. */
    private static final FieldType STORED_BIGRAMS = bigrams(true);

    /**
     * What a hit needs from stored fields: what it shows and the texts its title and snippet are
     * marked in (each read of a document decompresses its whole block, so all of it is read once).
     */
    static final Set<String> HIT = Set.of(
            ID,
            TITLE,
            TITLE_CJK,
            BODY_CJK,
            SUBJECT,
            GRADE,
            RESOURCE_TYPE,
            SCHOOL_ID,
            SCHOOL_NAME,
            FILE_NAME,
            CONTENT_TYPE,
            CREATED_AT,
            EDITION,
            SEMESTER,
            DOWNLOADS);

    /** Where the schools are: the year facet counts school-calendar years in China. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private MaterialDocument() {}

    static Document of(IndexedMaterial material, long generation) {
        long createdAt =
                Objects.requireNonNull(material.createdAt(), "createdAt").toEpochMilli();
        Document document = new Document();
        document.add(new KeywordField(ID, material.id(), Store.YES));
        document.add(new TextField(TITLE, material.title(), Store.YES));
        document.add(new Field(TITLE_CJK, material.title(), STORED_BIGRAMS));
        document.add(new TextField(TITLE_PINYIN, String.join(" ", Pinyin.syllables(material.title())), Store.NO));
        document.add(new TextField(TITLE_INITIALS, String.join(" ", Pinyin.initials(material.title())), Store.NO));
        document.add(new Field(TITLE_INITIAL_RUNS, String.join(" ", Pinyin.initialRuns(material.title())), RUNS));
        String tags = tags(material);
        if (!tags.isEmpty()) {
            document.add(new TextField(TAGS, tags, Store.NO));
            document.add(new Field(TAGS_CJK, tags, BIGRAMS));
        }
        document.add(new TextField(BODY, prefix(material.body(), SEGMENTED_BODY), Store.NO));
        document.add(new Field(BODY_CJK, material.body(), BIGRAMS));
        document.add(new StoredField(BODY_CJK, prefix(material.body(), MAX_STORED_BODY)));
        keyword(document, SUBJECT, material.subject());
        keyword(document, GRADE, material.grade());
        keyword(document, RESOURCE_TYPE, material.resourceType());
        keyword(document, SCHOOL_ID, material.schoolId());
        keyword(document, EDITION, material.edition());
        keyword(document, SEMESTER, material.semester());
        keywordNotStored(
                document,
                YEAR,
                String.valueOf(material.createdAt().atZone(CHINA).getYear()));
        stored(document, SCHOOL_NAME, material.schoolName());
        document.add(new KeywordField(ALLIANCE_ID, material.allianceId(), Store.NO));
        document.add(new KeywordField(SHARING, material.sharing().name(), Store.NO));
        keywordNotStored(document, UPLOADER_ID, material.uploaderId());
        stored(document, FILE_NAME, material.fileName());
        stored(document, CONTENT_TYPE, material.contentType());
        document.add(new StoredField(CREATED_AT, createdAt));
        document.add(new NumericDocValuesField(CREATED_AT, createdAt));
        document.add(new StoredField(DOWNLOADS, material.downloads()));
        document.add(new NumericDocValuesField(DOWNLOADS, material.downloads()));
        document.add(new LongPoint(GENERATION, generation));
        return document;
    }

    static SearchHit hit(Document stored, String titleHtml, String snippetHtml, float score) {
        return new SearchHit(
                stored.get(ID),
                stored.get(TITLE),
                titleHtml,
                snippetHtml,
                text(stored, SUBJECT),
                text(stored, GRADE),
                text(stored, RESOURCE_TYPE),
                text(stored, SCHOOL_ID),
                text(stored, SCHOOL_NAME),
                text(stored, FILE_NAME),
                text(stored, CONTENT_TYPE),
                Instant.ofEpochMilli(stored.getField(CREATED_AT).numericValue().longValue()),
                stored.get(EDITION),
                stored.get(SEMESTER),
                stored.getField(DOWNLOADS) == null
                        ? 0
                        : stored.getField(DOWNLOADS).numericValue().longValue(),
                Float.isNaN(score) ? 0f : score);
    }

    private static String tags(IndexedMaterial material) {
        List<String> parts = new ArrayList<>();
        if (material.chapter() != null && !material.chapter().isBlank()) {
            parts.add(material.chapter());
        }
        parts.addAll(material.tags());
        return String.join("，", parts);
    }

    /** Terms only: whether a title has a run of initials, not how often or where. */
    private static final FieldType RUNS = runs();

    private static FieldType runs() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    private static FieldType bigrams(boolean stored) {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.setStored(stored);
        type.freeze();
        return type;
    }

    /** At most {@code length} characters, not ending in half a surrogate pair. */
    private static String prefix(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length);
    }

    /** Missing filter values are simply not indexed: such a material never matches that filter. */
    private static void keyword(Document document, String field, @Nullable String value) {
        if (value != null) {
            document.add(new KeywordField(field, value, Store.YES));
        }
    }

    private static void keywordNotStored(Document document, String field, @Nullable String value) {
        if (value != null) {
            document.add(new KeywordField(field, value, Store.NO));
        }
    }

    private static void stored(Document document, String field, @Nullable String value) {
        if (value != null) {
            document.add(new StoredField(field, value));
        }
    }

    private static String text(Document stored, String field) {
        return Objects.requireNonNullElse(stored.get(field), "");
    }
}
