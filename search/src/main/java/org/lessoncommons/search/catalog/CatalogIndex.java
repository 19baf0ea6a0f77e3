package org.lessoncommons.search.catalog;

import static org.lessoncommons.search.catalog.CatalogFields.ALLIANCE;
import static org.lessoncommons.search.catalog.CatalogFields.AVAILABILITY;
import static org.lessoncommons.search.catalog.CatalogFields.AVAILABLE;
import static org.lessoncommons.search.catalog.CatalogFields.CODE;
import static org.lessoncommons.search.catalog.CatalogFields.COPIES;
import static org.lessoncommons.search.catalog.CatalogFields.ID;
import static org.lessoncommons.search.catalog.CatalogFields.ISBN;
import static org.lessoncommons.search.catalog.CatalogFields.KIND;
import static org.lessoncommons.search.catalog.CatalogFields.SCHOOL;
import static org.lessoncommons.search.catalog.CatalogFields.TEXT;
import static org.lessoncommons.search.catalog.CatalogFields.TITLE_SORT;
import static org.lessoncommons.search.catalog.CatalogFields.bigrams;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;
import org.lessoncommons.search.ChineseAnalysis;

/**
 * The catalog of the lending library in a Lucene index in memory: one document per title, replaced
 * whenever its copies or their loans change. Every write is searchable when it returns.
 * Thread-safe. The catalog of an alliance is small (thousands of titles), and PostgreSQL holds it
 * all, so the index is rebuilt at start rather than kept on disk.
 */
public final class CatalogIndex implements AutoCloseable {

    private static final int MAX_WINDOW = 10_000;
    private static final Collator CHINESE =
            Collator.getInstance(ULocale.SIMPLIFIED_CHINESE).freeze();
    private static final Sort BY_TITLE = new Sort(new SortField(TITLE_SORT, SortField.Type.STRING));

    private final ChineseAnalysis analysis = new ChineseAnalysis();
    private final CatalogQueries queries = new CatalogQueries(analysis);
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    public CatalogIndex() {
        Map<String, Analyzer> bigramFields = new HashMap<>();
        TEXT.forEach(field -> bigramFields.put(bigrams(field), analysis.indexedBigrams()));
        Analyzer perField = new PerFieldAnalyzerWrapper(analysis.words(), bigramFields);
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(perField));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the catalog index", e);
        }
    }

    /** Adds the title, or replaces the one with its id. */
    public void index(CatalogEntry entry) {
        write(() -> writer.updateDocument(new Term(ID, entry.id()), document(entry)));
    }

    /** Replaces the whole catalog: what a rebuild from PostgreSQL does. */
    public void replaceAll(Collection<CatalogEntry> entries) {
        write(() -> {
            writer.deleteAll();
            for (CatalogEntry entry : entries) {
                writer.addDocument(document(entry));
            }
        });
    }

    public void remove(String id) {
        write(() -> writer.deleteDocuments(new Term(ID, id)));
    }

    public CatalogResults search(CatalogQuery query) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search(searcher, query);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CatalogResults search(IndexSearcher searcher, CatalogQuery query) throws IOException {
        List<String> words = CatalogQueries.words(query.text());
        Query matching = queries.matching(words, query, null);
        int first = query.page() * query.size();
        int wanted = Math.min(first + query.size(), MAX_WINDOW);
        TopDocs top = words.isEmpty()
                ? searcher.search(matching, new TopFieldCollectorManager(BY_TITLE, wanted, null, Integer.MAX_VALUE))
                : searcher.search(matching, new TopScoreDocCollectorManager(wanted, null, Integer.MAX_VALUE));
        StoredFields stored = searcher.storedFields();
        List<CatalogHit> hits = new ArrayList<>();
        ScoreDoc[] docs = top.scoreDocs;
        for (int i = first; i < docs.length; i++) {
            hits.add(hit(stored.document(docs[i].doc)));
        }
        List<CatalogFacet> facets = new CatalogFacetCounting(queries).count(searcher, words, query);
        return new CatalogResults(top.totalHits.value(), query.page(), query.size(), hits, facets);
    }

    @Override
    public void close() throws IOException {
        IOUtils.close(searchers, writer, directory, analysis);
    }

    private static Document document(CatalogEntry entry) {
        Document doc = new Document();
        doc.add(new KeywordField(ID, entry.id(), Field.Store.YES));
        doc.add(new KeywordField(ALLIANCE, entry.allianceId(), Field.Store.NO));
        doc.add(new KeywordField(KIND, entry.kind(), Field.Store.YES));
        doc.add(new KeywordField(AVAILABILITY, entry.availability(), Field.Store.NO));
        entry.schoolIds().forEach(school -> doc.add(new KeywordField(SCHOOL, school, Field.Store.NO)));
        entry.codes().forEach(code -> doc.add(new KeywordField(CODE, CatalogFields.code(code), Field.Store.NO)));
        if (entry.isbn() != null) {
            doc.add(new KeywordField(CODE, CatalogFields.code(entry.isbn()), Field.Store.NO));
            doc.add(new StoredField(ISBN, entry.isbn()));
        }
        text(doc, "title", entry.title());
        text(doc, "author", entry.author());
        text(doc, "publisher", entry.publisher());
        text(doc, "model", entry.model());
        doc.add(new SortedDocValuesField(TITLE_SORT, sortKey(entry.title())));
        doc.add(new StoredField(COPIES, entry.copies()));
        doc.add(new StoredField(AVAILABLE, entry.available()));
        return doc;
    }

    /** Chinese collation: browsing lists 草房子 (cǎo) before 城南旧事 (chéng), as a reader expects. */
    private static BytesRef sortKey(String title) {
        return new BytesRef(CHINESE.getCollationKey(title).toByteArray());
    }

    private static void text(Document doc, String field, String value) {
        doc.add(new TextField(field, value, Field.Store.YES));
        doc.add(new TextField(bigrams(field), value, Field.Store.NO));
    }

    private static CatalogHit hit(Document doc) {
        return new CatalogHit(
                doc.get(ID),
                doc.get(KIND),
                doc.get("title"),
                doc.get("author"),
                doc.get("publisher"),
                doc.get(ISBN),
                doc.get("model"),
                doc.getField(COPIES).numericValue().intValue(),
                doc.getField(AVAILABLE).numericValue().intValue());
    }

    private interface Write {
        void run() throws IOException;
    }

    private void write(Write write) {
        try {
            write.run();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the catalog index", e);
        }
    }
}
