package org.lessoncommons.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Measures search quality on the {@link RelevanceCorpus}: mean nDCG@10 (gain 2^grade − 1) and mean
 * recall@20 (share of the judged-relevant materials in the first 20) for several analysis
 * choices side by side. {@code main} prints the table; see docs/relevance.md for the command.
 */
final class RelevanceEvaluation {

    /** One way of analysing and searching, by name. */
    record Variant(String name, AnalysisChoice choice, boolean understand) {}

    /** The means over all queries, and each query's nDCG@10. */
    record Scores(Variant variant, double ndcg10, double recall20, List<QueryScore> queries) {}

    record QueryScore(String query, double ndcg10, double recall20) {}

    static final Variant PRODUCTION = new Variant("production: all steps", AnalysisChoice.ALL, false);

    static final List<Variant> VARIANTS = List.of(
            PRODUCTION,
            new Variant("all steps + query understanding (chips)", AnalysisChoice.ALL, true),
            new Variant("smartcn words only", new AnalysisChoice(true, false, false, false, false), false),
            new Variant("CJK bigrams only", new AnalysisChoice(false, true, false, false, false), false),
            new Variant("smartcn + bigrams", new AnalysisChoice(true, true, false, false, false), false),
            new Variant("all but traditional→simplified", new AnalysisChoice(true, true, false, true, true), false),
            new Variant("all but synonyms", new AnalysisChoice(true, true, true, false, true), false),
            new Variant("all but pinyin", new AnalysisChoice(true, true, true, true, false), false));

    private RelevanceEvaluation() {}

    static Scores evaluate(RelevanceCorpus corpus, Variant variant) {
        try (SearchIndex index = new SearchIndex(new ByteBuffersDirectory(), true, variant.choice())) {
            index.indexAll(corpus.materials());
            List<QueryScore> scores = new ArrayList<>();
            for (RelevanceCorpus.Judged query : corpus.queries()) {
                SearchQuery search = SearchQuery.of(query.text()).page(0, 20);
                List<String> ranked = index.search(variant.understand() ? search.understood() : search).hits().stream()
                        .map(SearchHit::id)
                        .toList();
                scores.add(new QueryScore(query.text(), ndcg(ranked, query, 10), recall(ranked, query, 20)));
            }
            return new Scores(
                    variant,
                    scores.stream().mapToDouble(QueryScore::ndcg10).average().orElse(0),
                    scores.stream().mapToDouble(QueryScore::recall20).average().orElse(0),
                    scores);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double ndcg(List<String> ranked, RelevanceCorpus.Judged query, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += gain(query.grades().getOrDefault(ranked.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = query.grades().values().stream()
                .sorted(Comparator.reverseOrder())
                .limit(k)
                .toList();
        double best = 0;
        for (int i = 0; i < ideal.size(); i++) {
            best += gain(ideal.get(i)) / log2(i + 2);
        }
        return best == 0 ? 0 : dcg / best;
    }

    static double recall(List<String> ranked, RelevanceCorpus.Judged query, int k) {
        long found = ranked.stream()
                .limit(k)
                .filter(id -> query.grades().getOrDefault(id, 0) > 0)
                .count();
        return query.relevant() == 0 ? 0 : (double) found / query.relevant();
    }

    static String table(List<Scores> all) {
        StringBuilder table = new StringBuilder("| Analysis | nDCG@10 | recall@20 |\n|---|---:|---:|\n");
        for (Scores scores : all) {
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %.3f | %.3f |%n",
                    scores.variant().name(),
                    scores.ndcg10(),
                    scores.recall20()));
        }
        return table.toString();
    }

    /** The queries the production choice ranks worst: where to look next. */
    static String worst(Scores scores, int count) {
        StringBuilder worst = new StringBuilder("| Query | nDCG@10 | recall@20 |\n|---|---:|---:|\n");
        scores.queries().stream()
                .sorted(Comparator.comparingDouble(QueryScore::ndcg10))
                .limit(count)
                .forEach(query -> worst.append(String.format(
                        Locale.ROOT, "| %s | %.3f | %.3f |%n", query.query(), query.ndcg10(), query.recall20())));
        return worst.toString();
    }

    /** Prints the comparison; with a path argument also writes it between the markers of that file. */
    public static void main(String[] args) throws IOException {
        RelevanceCorpus corpus = RelevanceCorpus.load();
        List<Scores> all =
                VARIANTS.stream().map(variant -> evaluate(corpus, variant)).toList();
        String report = String.format(
                        Locale.ROOT,
                        "%d materials, %d queries, %d graded judgments.%n%n",
                        corpus.materials().size(),
                        corpus.queries().size(),
                        corpus.queries().stream()
                                .mapToInt(q -> q.grades().size())
                                .sum())
                + table(all)
                + "\nThe production choice's weakest queries:\n\n"
                + worst(all.getFirst(), 8);
        System.out.println(report);
        if (args.length > 0 && !args[0].isBlank()) {
            Path docs = Path.of(args[0]);
            String text = Files.readString(docs, StandardCharsets.UTF_8);
            String begin = "<!-- relevance results begin -->\n";
            String end = "<!-- relevance results end -->";
            int from = text.indexOf(begin);
            int to = text.indexOf(end);
            if (from < 0 || to < from) {
                throw new IllegalStateException(docs + " lacks the relevance results markers");
            }
            Files.writeString(
                    docs, text.substring(0, from + begin.length()) + "\n" + report + "\n" + text.substring(to));
        }
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
