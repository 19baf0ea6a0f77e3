package org.lessoncommons.search;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.UsageTrackingQueryCachingPolicy;

/**
 * Lucene's query cache for the filters over keyword fields only: the audience filter of a teacher
 * (every search of that teacher carries it) and the facet selections, once they have been used a
 * few times. Never a query over the text fields: its bitset would make a repeated search fast and
 * the first one slower, so a search's cost would depend on what was searched before.
 */
final class KeywordFilterCaching implements QueryCachingPolicy {

    private static final Set<String> KEYWORD_FIELDS = keywordFields();

    private final UsageTrackingQueryCachingPolicy usage = new UsageTrackingQueryCachingPolicy();

    @Override
    public void onUse(Query query) {
        usage.onUse(query);
    }

    @Override
    public boolean shouldCache(Query query) throws IOException {
        return keywordsOnly(query) && usage.shouldCache(query);
    }

    /** Whether every field the query reads is a keyword field (no text field, no function). */
    static boolean keywordsOnly(Query query) {
        AtomicBoolean keywords = new AtomicBoolean(true);
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                if (!KEYWORD_FIELDS.contains(field)) {
                    keywords.set(false);
                }
                return true;
            }
        });
        return keywords.get();
    }

    private static Set<String> keywordFields() {
        Set<String> fields = new HashSet<>(Set.of(
                LuceneFields.UPLOADER_ID, LuceneFields.SHARING, LuceneFields.ALLIANCE_ID, LuceneFields.SCHOOL_ID));
        for (FacetField field : FacetField.values()) {
            fields.add(field.luceneField());
        }
        return Set.copyOf(fields);
    }
}
