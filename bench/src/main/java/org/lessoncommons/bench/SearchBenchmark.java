package org.lessoncommons.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.lessoncommons.search.Audience;
import org.lessoncommons.search.IndexedMaterial;
import org.lessoncommons.search.SearchIndex;
import org.lessoncommons.search.SearchQuery;
import org.lessoncommons.search.Sharing;
import org.springframework.util.FileSystemUtils;

/**
 * Query latency of the search module ({@link SearchIndex#search}: parsing, the audience filter,
 * field-boosted BM25 with signals, snippets) against a plain Lucene baseline on the same index in
 * the same run: a smartcn AND query on the body, top 20 with their stored fields. N generated
 * Chinese lesson documents; single-threaded, after a warm-up. The HTTP API and Solr are not part of
 * this run (see docs/benchmarks.md).
 */
public final class SearchBenchmark {

    private static final int BATCH = 2_000;
    private static final int WARM_UP = 300;
    private static final int MEASURED = 2_000;

    private static final String[] SUBJECTS = {"CHINESE", "MATH", "ENGLISH", "PHYSICS", "BIOLOGY", "HISTORY"};
    private static final String[] TOPICS = {
        "分数的初步认识", "光合作用", "静夜思", "勾股定理", "浮力", "欧姆定律", "圆的面积", "二元一次方程组", "秦统一中国", "中国的地形",
        "小数的加法和减法", "认识钟表", "植物细胞的结构", "牛顿第一定律", "水的循环", "月相变化", "古诗三首", "桃花源记", "陋室铭", "找春天"
    };
    private static final String[] SENTENCES = {
        "教学目标：结合具体情境，让学生理解本课的核心概念。",
        "通过小组合作探究，培养学生的动手能力和思维能力。",
        "教学重点是理解概念的含义，难点是灵活运用。",
        "创设情境导入新课，激发学生的学习兴趣。",
        "出示例题，引导学生独立思考，再全班交流。",
        "课堂练习分为基础题、提高题和拓展题三个层次。",
        "板书设计突出本课的知识结构。",
        "布置作业：完成练习册相关习题，预习下一课。",
        "教学反思：学生参与度高，个别学生还需要个别辅导。",
        "实验中要注意安全，规范使用实验器材。",
        "朗读课文，体会作者的思想感情。",
        "联系生活实际，说一说身边的例子。",
        "用思维导图整理本单元的知识点。",
        "比较两种方法的异同，选择更简便的方法。",
        "通过观察、猜想、验证，得出结论。",
        "课前准备：多媒体课件、学习单、实物模型。"
    };
    private static final String[] QUERIES = {
        "分数", "光合作用", "静夜思", "勾股定理 练习", "浮力 实验", "欧姆定律", "圆的面积 公式", "教学反思", "小组合作", "思维导图",
        "二元一次方程组", "中国的地形", "牛顿第一定律", "水的循环", "月相", "古诗 朗读", "桃花源记", "教学重点 难点", "课堂练习", "实验器材"
    };

    private SearchBenchmark() {}

    public static void main(String[] args) throws IOException {
        int documents = Integer.getInteger("bench.search.docs", 100_000);
        Path work = Path.of(System.getProperty("bench.work", "bench/target/bench-work"))
                .resolve("search-index");
        FileSystemUtils.deleteRecursively(work);
        Files.createDirectories(work);
        double loadBefore = load();

        long started = System.nanoTime();
        try (FSDirectory directory = FSDirectory.open(work);
                SearchIndex index = new SearchIndex(directory)) {
            Random random = new Random(42);
            List<IndexedMaterial> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < documents; i++) {
                batch.add(material(i, random));
                if (batch.size() == BATCH) {
                    index.indexAll(batch);
                    batch.clear();
                }
            }
            index.indexAll(batch);
            double indexSeconds = (System.nanoTime() - started) / 1e9;
            log("Indexed %,d documents in %.1f s (%.0f docs/s)", documents, indexSeconds, documents / indexSeconds);

            Audience teacher = Audience.member("bench-teacher", "school-1", "alliance-1");
            long[] module = measure(q -> index.search(SearchQuery.of(q, teacher)));
            try (DirectoryReader reader = DirectoryReader.open(directory);
                    SmartChineseAnalyzer analyzer = new SmartChineseAnalyzer()) {
                IndexSearcher searcher = new IndexSearcher(reader);
                QueryBuilder builder = new QueryBuilder(analyzer);
                long[] raw = measure(q -> {
                    try {
                        Query query = builder.createBooleanQuery("body", q, Occur.MUST);
                        ScoreDoc[] top = searcher.search(query, 20).scoreDocs;
                        StoredFields stored = searcher.storedFields();
                        for (ScoreDoc hit : top) {
                            stored.document(hit.doc);
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                String report = report(documents, indexSeconds, module, raw, loadBefore, load());
                System.out.println(report);
                Files.writeString(work.resolveSibling("search-latency.md"), report);
            }
        }
    }

    private static long[] measure(Consumer<String> search) {
        for (int i = 0; i < WARM_UP; i++) {
            search.accept(QUERIES[i % QUERIES.length]);
        }
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            search.accept(QUERIES[i % QUERIES.length]);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static String report(
            int documents, double indexSeconds, long[] module, long[] raw, double loadBefore, double loadAfter) {
        return String.format(
                Locale.ROOT,
                """
                Search latency, %,d generated documents, %d queries each after %d warm-up, one thread (%s)
                Indexed in %.1f s. Load average %.1f before, %.1f after, on %d cores.

                | | p50 ms | p99 ms | queries/s |
                |---|---:|---:|---:|
                | SearchIndex.search (the module) | %.2f | %.2f | %.0f |
                | plain Lucene (smartcn AND on body, top 20, stored fields) | %.2f | %.2f | %.0f |
                | ratio module / plain | %.2f | %.2f | |
                """,
                documents,
                MEASURED,
                WARM_UP,
                Instant.now(),
                indexSeconds,
                loadBefore,
                loadAfter,
                Runtime.getRuntime().availableProcessors(),
                percentile(module, 50),
                percentile(module, 99),
                1e9 / mean(module),
                percentile(raw, 50),
                percentile(raw, 99),
                1e9 / mean(raw),
                percentile(module, 50) / percentile(raw, 50),
                percentile(module, 99) / percentile(raw, 99));
    }

    private static IndexedMaterial material(int i, Random random) {
        String topic = TOPICS[random.nextInt(TOPICS.length)];
        StringBuilder body = new StringBuilder(topic).append('\n');
        for (int s = 0; s < 8; s++) {
            body.append(SENTENCES[random.nextInt(SENTENCES.length)]);
        }
        return new IndexedMaterial(
                        "doc-" + i,
                        (i % 9 + 1) + "年级《" + topic + "》教学设计 第" + (i % 50 + 1) + "课时",
                        body.toString(),
                        SUBJECTS[random.nextInt(SUBJECTS.length)],
                        "GRADE_" + (i % 9 + 1),
                        i % 3 == 0 ? "TEST_PAPER" : "LESSON_PLAN",
                        "school-" + (i % 8 + 1),
                        "学校" + (i % 8 + 1),
                        i % 10 == 0 ? "alliance-2" : "alliance-1",
                        "teacher-" + (i % 200),
                        i % 7 == 0 ? Sharing.SCHOOL : Sharing.ALLIANCE,
                        "doc-" + i + ".docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        Instant.parse("2024-09-01T00:00:00Z").plusSeconds(60L * i))
                .withDownloads(random.nextInt(500));
    }

    private static double percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
    }
}
