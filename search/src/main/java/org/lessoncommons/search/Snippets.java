package org.lessoncommons.search;

import static org.lessoncommons.search.LuceneFields.BODY_CJK;
import static org.lessoncommons.search.LuceneFields.TITLE;
import static org.lessoncommons.search.LuceneFields.TITLE_CJK;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.jspecify.annotations.Nullable;

/**
 * HTML for titles and snippets: escaped text with {@code <mark>} around matches. Highlights the
 * bigram fields, which store the text and index offsets, so any verbatim query text can be marked,
 * whatever smartcn made of it.
 */
final class Snippets {

    static final int FALLBACK_LENGTH = 160;
    private static final int PASSAGE_LENGTH = 100;
    private static final int PASSAGES = 2;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\s，。、；：？！,.;:?!）)》」』]+");

    /** The HTML of one hit. */
    record Html(String title, String snippet) {}

    /** What to mark in titles and in bodies. */
    record Marking(Query title, Query body) {}

    private final ChineseAnalysis analysis;

    Snippets(ChineseAnalysis analysis) {
        this.analysis = analysis;
    }

    /**
     * One {@link Html} per document, in order; {@code marking} is null when browsing. {@code stored}
     * holds each document's {@link MaterialDocument#HIT} fields, read once for the hit, the
     * highlighter and the fallback snippet alike: each read decompresses the document's whole block.
     */
    List<Html> highlight(IndexSearcher searcher, @Nullable Marking marking, int[] docIds, List<Document> stored) {
        String[] titles = new String[docIds.length];
        String[] bodies = new String[docIds.length];
        if (marking != null && docIds.length > 0) {
            UnifiedHighlighter highlighter = highlighter(searcher, docIds, stored);
            titles = highlight(highlighter, marking.title(), TITLE_CJK, docIds, 1);
            bodies = highlight(highlighter, marking.body(), BODY_CJK, docIds, PASSAGES);
        }
        List<Html> html = new ArrayList<>(docIds.length);
        for (int i = 0; i < docIds.length; i++) {
            String title = Objects.requireNonNullElse(stored.get(i).get(TITLE), "");
            html.add(new Html(
                    titles[i] == null ? escape(title) : collapse(titles[i]),
                    bodies[i] == null ? fallback(stored.get(i)) : trim(collapse(bodies[i]))));
        }
        return html;
    }

    private static String[] highlight(
            UnifiedHighlighter highlighter, Query query, String field, int[] docIds, int passages) {
        try {
            return highlighter
                    .highlightFields(new String[] {field}, query, docIds, new int[] {passages})
                    .get(field);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher, int[] docIds, List<Document> stored) {
        Map<Integer, Document> byDocId = new HashMap<>();
        for (int i = 0; i < docIds.length; i++) {
            byDocId.put(docIds[i], stored.get(i));
        }
        return new FromPostings(
                UnifiedHighlighter.builder(searcher, analysis.indexedBigrams())
                        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                        .withMaxLength(MaterialDocument.MAX_STORED_BODY)
                        .withMaxNoHighlightPassages(0),
                byDocId);
    }

    /**
     * Reads offsets from the postings of the bigram fields, which record them, and the marked text
     * from the documents the hits were read into. Asked which source a field has, the stock
     * highlighter merges the field infos of every segment: on an index of a million materials that
     * was a tenth of a search request.
     */
    private static final class FromPostings extends UnifiedHighlighter {

        private final Map<Integer, Document> stored;

        FromPostings(Builder builder, Map<Integer, Document> stored) {
            super(builder);
            this.stored = stored;
        }

        @Override
        protected OffsetSource getOffsetSource(String field) {
            return OffsetSource.POSTINGS;
        }

        @Override
        protected BreakIterator getBreakIterator(String field) {
            return TITLE_CJK.equals(field) ? new WholeBreakIterator() : passages();
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
                throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                Document document = stored.get(doc);
                CharSequence[] texts = new CharSequence[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    String text = document == null ? null : document.get(fields[i]);
                    texts[i] = text == null ? "" : text;
                }
                values.add(texts);
            }
            return values;
        }
    }

    /**
     * About {@value #PASSAGE_LENGTH} characters around the match, cut at word boundaries (each
     * punctuation mark or space for Chinese). Sentence boundaries would be nicer, but Tika text
     * (tables, PDF lines) often has none and a whole body would become one passage.
     */
    private static BreakIterator passages() {
        return LengthGoalBreakIterator.createClosestToLength(
                BreakIterator.getWordInstance(Locale.CHINESE), PASSAGE_LENGTH, 0.5f);
    }

    /** The start of the body, for hits whose body has no match (title-only matches, browsing). */
    private static String fallback(Document stored) {
        String body = Objects.requireNonNullElse(stored.get(BODY_CJK), "");
        String start = WHITESPACE.matcher(body).replaceAll(" ").strip();
        return start.length() <= FALLBACK_LENGTH ? escape(start) : escape(start.substring(0, FALLBACK_LENGTH)) + "…";
    }

    /** Tika text is full of newlines and tabs; HTML would collapse them anyway. */
    private static String collapse(String html) {
        return WHITESPACE.matcher(html).replaceAll(" ").strip();
    }

    /** A passage cut mid-sentence may start with a comma. */
    private static String trim(String html) {
        return LEADING_PUNCTUATION.matcher(html).replaceFirst("");
    }

    static String escape(String text) {
        StringBuilder html = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#x27;");
                default -> html.append(c);
            }
        }
        return html.toString();
    }
}
