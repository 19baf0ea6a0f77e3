package org.lessoncommons.search;

import static org.lessoncommons.search.LuceneFields.BODY_CJK;
import static org.lessoncommons.search.LuceneFields.TITLE_CJK;

import java.io.Closeable;
import java.io.IOException;
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
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.IOUtils;

/** The analyzers of the index. Thread-safe; one instance per {@link SearchIndex}. */
final class ChineseAnalysis implements Closeable {

    /**
     * smartcn's default set is punctuation only: {@code 的} would match nearly every document. We add
     * the commonest function characters and English stop words so that a query made only of them
     * finds nothing instead of everything.
     */
    static final CharArraySet STOP_WORDS = stopWords();

    /** A token and where it came from in the analyzed text. */
    record Token(String term, int start, int end) {}

    private final Analyzer words = words(true);
    private final Analyzer segments = words(false);
    private final Analyzer indexedBigrams = bigrams(true);
    private final Analyzer queriedBigrams = bigrams(false);
    private final Analyzer indexing =
            new PerFieldAnalyzerWrapper(words, Map.of(TITLE_CJK, indexedBigrams, BODY_CJK, indexedBigrams));

    /** Per-field analyzer for the IndexWriter. */
    Analyzer indexing() {
        return indexing;
    }

    /** smartcn words without stop words, Porter-stemmed: the title and body fields. */
    Analyzer words() {
        return words;
    }

    /** smartcn's raw segmentation, stop words kept: to see how a query term splits. */
    Analyzer segments() {
        return segments;
    }

    /** Unigrams and bigrams, as indexed; also used to re-analyze stored text for highlighting. */
    Analyzer indexedBigrams() {
        return indexedBigrams;
    }

    /** Bigrams only (a lone character stays a unigram): a phrase of them is an exact substring. */
    Analyzer queriedBigrams() {
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
        IOUtils.close(indexing, words, segments, indexedBigrams, queriedBigrams);
    }

    /** Like SmartChineseAnalyzer, but stop words go before stemming so that "this" is still stopped. */
    private static Analyzer words(boolean stop) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokenizer = new HMMChineseTokenizer();
                TokenStream stream = stop ? new StopFilter(tokenizer, STOP_WORDS) : tokenizer;
                return new TokenStreamComponents(tokenizer, stop ? new PorterStemFilter(stream) : stream);
            }
        };
    }

    private static Analyzer bigrams(boolean unigrams) {
        return new Analyzer() {
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
