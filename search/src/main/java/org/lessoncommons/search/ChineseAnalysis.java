package org.lessoncommons.search;

import static org.lessoncommons.search.LuceneFields.BODY_CJK;
import static org.lessoncommons.search.LuceneFields.TAGS_CJK;
import static org.lessoncommons.search.LuceneFields.TITLE_CJK;
import static org.lessoncommons.search.LuceneFields.TITLE_INITIALS;
import static org.lessoncommons.search.LuceneFields.TITLE_INITIAL_RUNS;
import static org.lessoncommons.search.LuceneFields.TITLE_PINYIN;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.IOUtils;

/**
 * The analyzers of the index. Thread-safe; one instance per {@link SearchIndex} (and per catalog
 * index of the lending library, which reuses the same Chinese analysis).
 */
public final class ChineseAnalysis implements Closeable {

    /**
     * smartcn's default set is punctuation only: {@code 的} would match nearly every document. We add
     * the commonest function characters and English stop words so that a query made only of them
     * finds nothing instead of everything.
     */
    static final CharArraySet STOP_WORDS = stopWords();

    /** A token and where it came from in the analyzed text. */
    record Token(String term, int start, int end) {}

    private final AnalysisChoice choice;
    private final Analyzer words;
    private final Analyzer segments;
    private final Analyzer indexedBigrams;
    private final Analyzer queriedBigrams;
    private final Analyzer pinyin = new WhitespaceAnalyzer();
    private final Analyzer indexing;
    private final Synonyms synonyms;

    public ChineseAnalysis() {
        this(AnalysisChoice.ALL);
    }

    ChineseAnalysis(AnalysisChoice choice) {
        this.choice = choice;
        this.words = words(true, choice.simplify());
        this.segments = words(false, choice.simplify());
        this.indexedBigrams = bigrams(true, choice.simplify());
        this.queriedBigrams = bigrams(false, choice.simplify());
        this.indexing = new PerFieldAnalyzerWrapper(
                words,
                Map.of(
                        TITLE_CJK, indexedBigrams,
                        TAGS_CJK, indexedBigrams,
                        BODY_CJK, indexedBigrams,
                        TITLE_PINYIN, pinyin,
                        TITLE_INITIALS, pinyin,
                        TITLE_INITIAL_RUNS, pinyin));
        this.synonyms = choice.synonyms() ? Synonyms.load() : Synonyms.none();
    }

    AnalysisChoice choice() {
        return choice;
    }

    Synonyms synonyms() {
        return synonyms;
    }

    /** Per-field analyzer for the IndexWriter. */
    Analyzer indexing() {
        return indexing;
    }

    /** smartcn words without stop words, Porter-stemmed: the title and body fields. */
    public Analyzer words() {
        return words;
    }

    /** smartcn's raw segmentation, stop words kept: to see how a query term splits. */
    Analyzer segments() {
        return segments;
    }

    /** Unigrams and bigrams, as indexed; also used to re-analyze stored text for highlighting. */
    public Analyzer indexedBigrams() {
        return indexedBigrams;
    }

    /** Bigrams only (a lone character stays a unigram): a phrase of them is an exact substring. */
    public Analyzer queriedBigrams() {
        return queriedBigrams;
    }

    static List<Token> tokens(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    @Override
    public void close() throws IOException {
        IOUtils.close(indexing, words, segments, indexedBigrams, queriedBigrams, pinyin);
    }

    /** Like SmartChineseAnalyzer, but stop words go before stemming so that "this" is still stopped. */
    private static Analyzer words(boolean stop, boolean simplify) {
        return new Analyzer() {
            @Override
            protected Reader initReader(String field, Reader reader) {
                return simplify ? Simplified.reader(reader) : reader;
            }

            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokenizer = new HMMChineseTokenizer();
                TokenStream stream = stop ? new StopFilter(tokenizer, STOP_WORDS) : tokenizer;
                return new TokenStreamComponents(tokenizer, stop ? new PorterStemFilter(stream) : stream);
            }
        };
    }

    private static Analyzer bigrams(boolean unigrams, boolean simplify) {
        return new Analyzer() {
            @Override
            protected Reader initReader(String field, Reader reader) {
                return simplify ? Simplified.reader(reader) : reader;
            }

            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(new CJKWidthFilter(tokenizer));
                int scripts = CJKBigramFilter.HAN
                        | CJKBigramFilter.HIRAGANA
                        | CJKBigramFilter.KATAKANA
                        | CJKBigramFilter.HANGUL;
                return new TokenStreamComponents(tokenizer, new CJKBigramFilter(stream, scripts, unigrams));
            }
        };
    }

    private static CharArraySet stopWords() {
        CharArraySet set = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), false);
        set.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        "的 地 得 了 着 过 吗 呢 吧 啊 呀 嘛 是 在 和 与 及 或 也 都 就 而 之 其"
                .lines()
                .flatMap(line -> List.of(line.split(" ")).stream())
                .forEach(set::add);
        return CharArraySet.unmodifiableSet(set);
    }
}
