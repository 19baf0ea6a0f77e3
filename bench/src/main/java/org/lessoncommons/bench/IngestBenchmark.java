package org.lessoncommons.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.lucene.store.FSDirectory;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.lessoncommons.BenchApplication;
import org.lessoncommons.ingest.ExtractedText;
import org.lessoncommons.ingest.IngestProperties;
import org.lessoncommons.ingest.Ingestion;
import org.lessoncommons.ingest.TextExtractor;
import org.lessoncommons.ingest.Upload;
import org.lessoncommons.search.IndexedMaterial;
import org.lessoncommons.search.SearchIndex;
import org.lessoncommons.search.Sharing;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.BlobNotFound;
import org.lessoncommons.storage.BlobStore;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Ingest benchmark: N real files through the whole LessonCommons pipeline (upload into the object
 * store and PostgreSQL, text extraction in the Tika child JVM, extracted text kept, Lucene index)
 * against plain Tika extraction of the same files, in one run. See docs/benchmarks.md.
 *
 * <p>System properties: {@code bench.files} (N, default 200), {@code bench.workers}
 * (lessoncommons.ingest.workers, default 1 as in production), {@code bench.fixtures} (the fixtures
 * folder), {@code bench.work} (scratch folder, emptied), {@code bench.docs} (a Markdown file whose
 * results section is replaced; empty: only printed and written to the scratch folder).
 */
public final class IngestBenchmark {

    /** The default of lessoncommons.ingest.max-text-chars; checked against the running app. */
    private static final int MAX_CHARS = 2_000_000;

    private static final int WARM_UP_PASSES = 3;

    /**
     * Passes over N files of twin corpora before the timed pass, on both sides. The pipeline's
     * passes settle slowly (fixtures, N = 200: 9.5, 5.9, 5.7, 4.7 s and then 4.0 s timed), its
     * JIT compilers sharing the two cores with the rest; the report lists every pass.
     */
    private static final int TWIN_PASSES = Integer.getInteger("bench.twins", 8);

    /**
     * The app replaces its Tika child after 1,000 documents by default (against slow leaks): with
     * the warm-up passes that would fall in the timed pass of 200 files and weigh five times its
     * share. Its cost, a child JVM start, is what the cold round shows.
     */
    private static final int DOCUMENTS_PER_CHILD = 5_000;

    private static final long POLL_MILLIS = 10;
    private static final Duration TIMEOUT = new Duration(TimeUnit.MINUTES.toNanos(60));
    /** Each corpus has its own results section in the docs, between these markers. */
    private static String begin(String corpus) {
        return "<!-- ingest-vs-tika " + corpus + " results: begin (written by IngestBenchmark) -->";
    }

    private static String end(String corpus) {
        return "<!-- ingest-vs-tika " + corpus + " results: end -->";
    }

    private record Duration(long nanos) {
        double seconds() {
            return nanos / 1e9;
        }

        static Duration since(long start) {
            return new Duration(System.nanoTime() - start);
        }
    }

    private record Done(Duration elapsed, Duration accepting, long indexed, long failed) {}

    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.files", 200);
        int workers = Integer.getInteger("bench.workers", 1);
        Path fixturesDir = Path.of(System.getProperty("bench.fixtures", "fixtures"));
        Path work = Path.of(System.getProperty("bench.work", "bench/target/bench-work"))
                .toAbsolutePath();
        String docs = System.getProperty("bench.docs", "").strip();
        double loadBefore = load();

        String corpusName = System.getProperty("bench.corpus", "fixtures").strip();
        boolean large = corpusName.equals("large");
        List<Corpus.Fixture> fixtures =
                large ? Corpus.large(fixturesDir, work.resolve("large")) : Corpus.fixtures(fixturesDir);
        Corpus corpus = Corpus.make(fixtures, n, work.resolve("corpus"));
        log(
                "Corpus: %d files (%d distinct contents, %.1f MB) from %d fixtures in %s",
                n, corpus.distinctContents(), corpus.totalBytes() / 1e6, fixtures.size(), fixturesDir);

        // 1. Baseline: plain Tika in this JVM, warmed up.
        RawTika raw = new RawTika(MAX_CHARS);
        for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
            for (Corpus.Fixture fixture : fixtures) {
                raw.extract(fixture.path());
            }
        }
        // Both sides are timed after passes over N files of twin corpora (other bytes, same texts):
        // steady state. After one such pass the app's JIT compilers still used a quarter of the two
        // cores during the timed run; right after a few files, 29 %.
        List<Corpus> twins = new ArrayList<>();
        for (int t = 1; t <= TWIN_PASSES; t++) {
            twins.add(Corpus.make(fixtures, n, work.resolve("corpus-warm-up-" + t), t * n));
        }
        for (Corpus twin : twins) {
            rawPass(raw, twin, new LinkedHashMap<>());
        }
        Map<String, long[]> perFormat = new LinkedHashMap<>();
        Duration rawBefore = rawPass(raw, corpus, perFormat);
        log("Raw Tika in-process: %.2f s", rawBefore.seconds());

        // 2. Plain Tika in a fresh JVM, as a batch tool would run it (JVM start and JIT included).
        Duration[] forked = forkedRawTika(corpus, work);
        log("Raw Tika, fresh JVM: %.2f s (%.2f s inside)", forked[0].seconds(), forked[1].seconds());

        // 3. The pipeline.
        System.gc();
        Path data = work.resolve("data");
        MemorySampler memory = new MemorySampler(data.resolve("postgres"));
        memory.reset();
        long startContext = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(
                        "lessoncommons.embedded.enabled=true",
                        "lessoncommons.embedded.data-dir=" + data,
                        "lessoncommons.embedded.postgres-port=0",
                        "lessoncommons.embedded.clean=true",
                        "lessoncommons.ingest.workers=" + workers,
                        "lessoncommons.ingest.extraction-documents-per-process=" + DOCUMENTS_PER_CHILD,
                        "lessoncommons.search.index-dir=" + data.resolve("index"),
                        // PDF previews by LibreOffice are not extraction, storage or indexing (and take
                        // seconds a file on a thread of their own): not part of what is measured.
                        "lessoncommons.ingest.renditions.enabled=false")
                .run();
        Duration startup = Duration.since(startContext);
        log("Application context started in %.2f s", startup.seconds());
        Ingestion ingestion = context.getBean(Ingestion.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        IngestProperties properties = context.getBean(IngestProperties.class);
        if (properties.maxTextChars() != MAX_CHARS) {
            throw new IllegalStateException("The app's write limit is " + properties.maxTextChars());
        }
        Alliance alliance = context.getBean(Alliances.class).save(Alliance.named("基准测试联盟"));
        Schools schools = context.getBean(Schools.class);

        // Cold: one of each fixture on a fresh app (includes starting the Tika child JVM).
        School warmSchool = schools.save(School.of(alliance, "预热学校", School.Membership.CORE));
        List<Corpus.Item> warmItems = fixtures.stream()
                .map(f -> new Corpus.Item(f.path(), "warm-" + f.fileName(), f, 0))
                .toList();
        Done cold = ingest(ingestion, jdbc, warmSchool, warmItems);
        log(
                "Pipeline, cold (%d files): %.2f s",
                warmItems.size(), cold.elapsed().seconds());
        // Then warmed up as much as the raw Tika baseline: as many passes over the fixtures. A
        // server that has run a while has compiled its hot code (Lucene's flush, smartcn, the S3
        // and PostgreSQL clients); measured right after one pass, the JIT compilers were still
        // busy for a core's worth of the run.
        for (int pass = 1; pass < WARM_UP_PASSES; pass++) {
            // A school per pass: a pass is done when all of its school's materials are.
            ingest(
                    ingestion,
                    jdbc,
                    schools.save(School.of(alliance, "预热学校" + pass, School.Membership.CORE)),
                    warmItems);
        }
        List<Done> warmPasses = new ArrayList<>();
        for (int t = 0; t < twins.size(); t++) {
            Done pass = ingest(
                    ingestion,
                    jdbc,
                    schools.save(School.of(alliance, "预热学校（全部）" + (t + 1), School.Membership.CORE)),
                    twins.get(t).items());
            warmPasses.add(pass);
            log(
                    "Pipeline, warm-up pass %d (%d files of a twin corpus): %.2f s",
                    t + 1, n, pass.elapsed().seconds());
        }

        School school = schools.save(School.of(alliance, "基准测试学校", School.Membership.CORE));
        memory.reset();
        long appPeakBefore = MemorySampler.ownPeakRss();
        String postgresDir = data.resolve("postgres").toString();
        CpuAccount cpuBefore = CpuAccount.now(postgresDir);
        Done pipeline = ingest(ingestion, jdbc, school, corpus.items());
        Map<String, Double> cpu = CpuAccount.now(postgresDir).since(cpuBefore);
        memory.sample();
        long appPeakRss = MemorySampler.ownPeakRss();
        long peakHeap = memory.peakHeapUsed();
        long peakCommitted = memory.peakHeapCommitted();
        long childRss = memory.peakExtractionRss();
        int children = memory.extractionProcesses();
        long postgresRss = memory.peakPostgresRss();
        log(
                "Pipeline (%d files): %.2f s, %d indexed, %d failed",
                n, pipeline.elapsed().seconds(), pipeline.indexed(), pipeline.failed());

        // 4. Where the time goes: the pipeline's steps one at a time, on the same warm app.
        Map<String, Duration> stages = stages(context, corpus, work, school);
        memory.close();
        context.close();

        // 5. The baseline again: the machine may have got busier or quieter meanwhile.
        Duration rawAfter = rawPass(raw, corpus, new LinkedHashMap<>());
        log("Raw Tika in-process, again: %.2f s", rawAfter.seconds());
        double loadAfter = load();

        String report = report(new Results(
                corpusName,
                n,
                workers,
                corpus,
                rawBefore,
                rawAfter,
                forked,
                startup,
                cold,
                warmItems.size(),
                warmPasses,
                pipeline,
                peakHeap,
                peakCommitted,
                appPeakRss,
                appPeakBefore,
                childRss,
                children,
                postgresRss,
                cpu,
                stages,
                perFormat,
                loadBefore,
                loadAfter));
        System.out.println();
        System.out.println(report);
        Files.writeString(work.resolve("ingest-vs-tika.md"), report, StandardCharsets.UTF_8);
        if (!docs.isEmpty()) {
            updateSection(Path.of(docs), report, corpusName);
            log("Results written to %s", docs);
        }
        System.exit(0);
    }

    private static Duration rawPass(RawTika raw, Corpus corpus, Map<String, long[]> perFormat) {
        long start = System.nanoTime();
        for (Corpus.Item item : corpus.items()) {
            long t = System.nanoTime();
            if (raw.extract(item.path()) < 0) {
                throw new IllegalStateException("Tika could not read " + item.path());
            }
            long[] sum = perFormat.computeIfAbsent(item.fixture().extension(), k -> new long[2]);
            sum[0] += System.nanoTime() - t;
            sum[1]++;
        }
        return Duration.since(start);
    }

    /** [wall time of the child process, time it measured itself after JVM start]. */
    private static Duration[] forkedRawTika(Corpus corpus, Path work) throws IOException, InterruptedException {
        Path list = work.resolve("files.txt");
        Files.write(list, corpus.items().stream().map(i -> i.path().toString()).toList(), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                "--add-modules",
                "jdk.incubator.vector",
                "-Dlogback.configurationFile=" + work.resolve("logback-quiet.xml"),
                "-cp",
                System.getProperty("java.class.path"),
                RawTika.class.getName(),
                list.toString(),
                Integer.toString(MAX_CHARS)));
        Files.writeString(work.resolve("logback-quiet.xml"), "<configuration><root level=\"OFF\"/></configuration>");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        Duration wall = Duration.since(start);
        String[] lines = out.strip().split("\n");
        String[] last = lines[lines.length - 1].trim().split(" ");
        if (code != 0 || !last[1].equals("0")) {
            throw new IllegalStateException("Forked Tika failed (" + code + "): " + out);
        }
        return new Duration[] {wall, new Duration(TimeUnit.MILLISECONDS.toNanos(Long.parseLong(last[0])))};
    }

    /** Accepts every item as fast as it can, then waits until every material is INDEXED or FAILED. */
    private static Done ingest(Ingestion ingestion, JdbcClient jdbc, School school, List<Corpus.Item> items)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        for (Corpus.Item item : items) {
            try (InputStream in = Files.newInputStream(item.path())) {
                Corpus.Fixture f = item.fixture();
                ingestion.accept(
                        new Upload(item.fileName(), in, school.id(), null, null, "", f.subject(), f.grade(), f.type()));
            }
        }
        Duration accepting = Duration.since(start);
        while (true) {
            Map<String, Long> counts = new LinkedHashMap<>();
            jdbc.sql("SELECT status, count(*) AS n FROM material WHERE school_id = :school GROUP BY status")
                    .param("school", school.id())
                    .query((rs, row) -> counts.put(rs.getString("status"), rs.getLong("n")))
                    .list();
            long indexed = counts.getOrDefault("INDEXED", 0L);
            long failed = counts.getOrDefault("FAILED", 0L);
            if (indexed + failed == items.size()) {
                return new Done(Duration.since(start), accepting, indexed, failed);
            }
            if (System.nanoTime() - start > TIMEOUT.nanos()) {
                throw new IllegalStateException("Not done after " + TIMEOUT.seconds() + " s: " + counts);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * The work the pipeline does per file, step by step on the warm app: extraction through the same
     * Tika child (temporary copy, pipe, parse), object-store puts and gets, and Lucene with a commit
     * per document as SearchIndex#index does it (and, for comparison, one commit for all).
     */
    private static Map<String, Duration> stages(
            ConfigurableApplicationContext context, Corpus corpus, Path work, School school) throws IOException {
        Map<String, Duration> stages = new LinkedHashMap<>();
        Detector detector = TikaConfig.getDefaultConfig().getDetector();
        long detecting = System.nanoTime();
        for (Corpus.Item item : corpus.items()) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(item.path()), 64 * 1024)) {
                Metadata metadata = new Metadata();
                metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, item.fileName());
                detector.detect(in, metadata);
            }
        }
        stages.put("Type detection of the upload (Tika detector in the app JVM)", Duration.since(detecting));
        List<String> texts = new ArrayList<>();
        // The app's own extractor and its warm child JVM.
        TextExtractor extractor = context.getBean(TextExtractor.class);
        long extracting = System.nanoTime();
        for (Corpus.Item item : corpus.items()) {
            try (InputStream in = Files.newInputStream(item.path())) {
                ExtractedText text = extractor.extract(in, item.fileName());
                texts.add(text.text());
            }
        }
        stages.put("Extraction through the Tika child JVM (TextExtractor)", Duration.since(extracting));
        BlobStore store = context.getBean(BlobStore.class);
        String run = "bench/" + UUID.randomUUID() + "/";
        long start = System.nanoTime();
        for (int i = 0; i < corpus.items().size(); i++) {
            try (InputStream in = Files.newInputStream(corpus.items().get(i).path())) {
                store.put(run + "file-" + i, in, -1, "application/octet-stream");
            }
        }
        stages.put("Object store: put file, size unknown (streamed, as accept does)", Duration.since(start));
        start = System.nanoTime();
        for (int i = 0; i < corpus.items().size(); i++) {
            Corpus.Item item = corpus.items().get(i);
            try (InputStream in = Files.newInputStream(item.path())) {
                store.put(run + "sized-" + i, in, item.size(), "application/octet-stream");
            }
        }
        stages.put("Object store: put file, size known (for comparison, not in the pipeline)", Duration.since(start));
        start = System.nanoTime();
        for (int i = 0; i < corpus.items().size(); i++) {
            byte[] text = texts.get(i).getBytes(StandardCharsets.UTF_8);
            store.put(run + "text-" + i, new ByteArrayInputStream(text), text.length, "text/plain; charset=UTF-8");
        }
        stages.put("Object store: put extracted text, size known", Duration.since(start));
        start = System.nanoTime();
        for (int i = 0; i < corpus.items().size(); i++) {
            try (InputStream in = store.get(run + "file-" + i)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            try (InputStream in = store.get(run + "subtitles-" + i)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (BlobNotFound expected) {
                // As for every document without subtitles.
            }
        }
        stages.put("Object store: get file + get (missing) subtitles", Duration.since(start));
        // Per material the pipeline commits 5 writes (accept, claim, EXTRACTING, INDEXED, job done)
        // and makes about 5 single-row reads; the same count here, on the benchmark's own rows.
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        List<UUID> ids = jdbc.sql("SELECT id FROM material WHERE school_id = :school")
                .param("school", school.id())
                .query(UUID.class)
                .list();
        start = System.nanoTime();
        for (UUID id : ids) {
            for (int i = 0; i < 5; i++) {
                jdbc.sql("UPDATE material SET updated_at = updated_at WHERE id = :id")
                        .param("id", id)
                        .update();
                jdbc.sql("SELECT title FROM material WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single();
            }
        }
        stages.put(
                "PostgreSQL: 5 committed single-row writes + 5 reads per file (as the pipeline)",
                Duration.since(start));
        List<IndexedMaterial> documents = new ArrayList<>();
        for (int i = 0; i < corpus.items().size(); i++) {
            Corpus.Item item = corpus.items().get(i);
            documents.add(new IndexedMaterial(
                    UUID.randomUUID().toString(),
                    item.fileName(),
                    texts.get(i),
                    item.fixture().subject().name(),
                    item.fixture().grade().name(),
                    item.fixture().type().name(),
                    UUID.randomUUID().toString(),
                    "基准测试学校",
                    UUID.randomUUID().toString(),
                    null,
                    Sharing.ALLIANCE,
                    item.fileName(),
                    "application/octet-stream",
                    Instant.now()));
        }
        Path perDocument = work.resolve("lucene-per-document");
        try (FSDirectory directory = FSDirectory.open(perDocument);
                SearchIndex index = new SearchIndex(directory)) {
            start = System.nanoTime();
            // As the pipeline: each document written at once, made searchable and durable by the group commit.
            List<CompletableFuture<Void>> durable = documents.stream()
                    .map(d -> index.indexLater(d).toCompletableFuture())
                    .toList();
            durable.forEach(CompletableFuture::join);
            stages.put("Lucene: index each document, group commit (as the pipeline)", Duration.since(start));
        }
        Path batched = work.resolve("lucene-one-commit");
        try (FSDirectory directory = FSDirectory.open(batched);
                SearchIndex index = new SearchIndex(directory)) {
            start = System.nanoTime();
            index.indexAll(documents);
            stages.put("Lucene: index all, one commit (for comparison, not in the pipeline)", Duration.since(start));
        }
        FileSystemUtils.deleteRecursively(perDocument);
        FileSystemUtils.deleteRecursively(batched);
        return stages;
    }

    private record Results(
            String corpusName,
            int n,
            int workers,
            Corpus corpus,
            Duration rawBefore,
            Duration rawAfter,
            Duration[] forked,
            Duration startup,
            Done cold,
            int coldFiles,
            List<Done> warmPasses,
            Done pipeline,
            long peakHeap,
            long peakCommitted,
            long appPeakRss,
            long appPeakRssBefore,
            long childRss,
            int children,
            long postgresRss,
            Map<String, Double> cpu,
            Map<String, Duration> stages,
            Map<String, long[]> perFormat,
            double loadBefore,
            double loadAfter) {}

    private static String report(Results r) {
        double raw = (r.rawBefore().seconds() + r.rawAfter().seconds()) / 2;
        double pipeline = r.pipeline().elapsed().seconds();
        double ratio = pipeline / raw;
        StringBuilder md = new StringBuilder();
        md.append(begin(r.corpusName())).append("\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Run of %s: `-Dbench.corpus=%s -Dbench.files=%d -Dbench.workers=%d`, %d CPU cores (%s), %s MB RAM, %s, Java %s (%s), app JVM max heap %s MB;"
                        + " load average %.2f before, %.2f after.%n%n",
                DateTimeFormatter.ISO_LOCAL_DATE_TIME
                                .withZone(ZoneOffset.UTC)
                                .format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                        + "Z",
                r.corpusName(),
                r.n(),
                r.workers(),
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                memTotalMb(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                mb(Runtime.getRuntime().maxMemory()),
                r.loadBefore(),
                r.loadAfter()));
        md.append(String.format(
                Locale.ROOT,
                "Corpus: %d files, %.1f MB, %d distinct contents (%s).%n%n",
                r.n(),
                r.corpus().totalBytes() / 1e6,
                r.corpus().distinctContents(),
                formats(r.perFormat())));
        md.append("| Measurement | Wall time | Per file | × raw Tika |\n|---|---:|---:|---:|\n");
        row(
                md,
                "Raw Tika, in-process, warmed up (before the pipeline)",
                r.rawBefore().seconds(),
                r.n(),
                raw);
        row(
                md,
                "Raw Tika, in-process, warmed up (after the pipeline)",
                r.rawAfter().seconds(),
                r.n(),
                raw);
        row(md, "**Raw Tika baseline** (mean of the two)", raw, r.n(), raw);
        row(
                md,
                "Raw Tika, fresh JVM, whole batch (JVM start and JIT warm-up included)",
                r.forked()[0].seconds(),
                r.n(),
                raw);
        row(md, "**Pipeline**: first `Ingestion.accept` → last material INDEXED", pipeline, r.n(), raw);
        row(
                md,
                "… of which accepting all files (upload to S3 + PostgreSQL, worker running meanwhile)",
                r.pipeline().accepting().seconds(),
                r.n(),
                raw);
        md.append(String.format(
                Locale.ROOT,
                "%nRatio pipeline / raw Tika: **%.2f×** (goal ≤ 1.2×: %s). %d indexed, %d failed."
                        + " Against the fresh-JVM batch: %.2f×.%n%n",
                ratio,
                ratio <= 1.2 ? "met" : "**missed**",
                r.pipeline().indexed(),
                r.pipeline().failed(),
                pipeline / r.forked()[0].seconds()));
        md.append(String.format(
                Locale.ROOT,
                "Not in the figure above: application start (embedded PostgreSQL + S3, Flyway, index) %.1f s;"
                        + " a cold pipeline on the fresh app, %d files (one per fixture, Tika child JVM start"
                        + " included) %.2f s, followed by %d more passes over the fixtures and %d passes over"
                        + " N files of twin corpora (%s s; %s× raw Tika), which warm it up as the baseline"
                        + " is warmed up.%n%n",
                r.startup().seconds(),
                r.coldFiles(),
                r.cold().elapsed().seconds(),
                WARM_UP_PASSES - 1,
                r.warmPasses().size(),
                r.warmPasses().stream()
                        .map(d -> String.format(Locale.ROOT, "%.2f", d.elapsed().seconds()))
                        .collect(Collectors.joining(", ")),
                r.warmPasses().stream()
                        .map(d -> String.format(Locale.ROOT, "%.2f", d.elapsed().seconds() / raw))
                        .collect(Collectors.joining(", "))));
        md.append("Memory during the measured pipeline run:\n\n| Process | Peak |\n|---|---:|\n");
        md.append(String.format(
                Locale.ROOT,
                "| App JVM, heap used (sampled every 20 ms; max heap %s MB, peak committed %s MB) | %s MB |%n",
                mb(Runtime.getRuntime().maxMemory()),
                mb(r.peakCommitted()),
                mb(r.peakHeap())));
        md.append(String.format(
                Locale.ROOT,
                "| App JVM, resident set (VmHWM%s) | %s MB |%n",
                r.appPeakRssBefore() >= 0 && r.appPeakRss() > 0 ? "" : ", whole run",
                mb(r.appPeakRss())));
        md.append(String.format(
                Locale.ROOT,
                "| Tika child JVM, resident set (VmHWM; `-Xmx512m`; %d process%s) | %s MB |%n",
                r.children(),
                r.children() == 1 ? "" : "es",
                r.childRss() < 0 ? "n/a" : mb(r.childRss())));
        md.append(String.format(
                Locale.ROOT,
                "| Embedded PostgreSQL, sum of its processes' RSS (shared buffers counted per process) | %s MB |%n%n",
                mb(r.postgresRss())));
        int cores = Runtime.getRuntime().availableProcessors();
        double wall = r.pipeline().elapsed().seconds();
        md.append(String.format(
                Locale.ROOT,
                "CPU time used during the measured pipeline run (%.2f s of wall time, %.2f s of CPU on %d cores;"
                        + " the app JVM holds the uploading thread `main`, the worker, the indexer and the in-process"
                        + " S3 server):%n%n| Process or thread group | CPU | Per file | Share of the cores |%n"
                        + "|---|---:|---:|---:|%n",
                wall,
                wall * cores,
                cores));
        // The processes first, then the app JVM's biggest thread groups (the rest summed).
        List<Map.Entry<String, Double>> rows = new ArrayList<>();
        List<Map.Entry<String, Double>> threads = new ArrayList<>();
        r.cpu().entrySet().forEach(e -> (e.getKey().startsWith("thread ") ? threads : rows).add(e));
        rows.addAll(threads.subList(0, Math.min(10, threads.size())));
        double rest = threads.stream().skip(10).mapToDouble(Map.Entry::getValue).sum();
        if (rest > 0) {
            rows.add(Map.entry("other threads of the app JVM", rest));
        }
        rows.forEach(row -> md.append(String.format(
                Locale.ROOT,
                "| %s | %.2f s | %.1f ms | %.0f %% |%n",
                row.getKey().replace("|", "\\|"),
                row.getValue(),
                row.getValue() * 1000 / r.n(),
                100 * row.getValue() / (wall * cores))));
        md.append('\n');
        md.append("Where the time goes: each step of the pipeline alone, for all ")
                .append(r.n())
                .append(" files, one after another on the same warm app:\n\n");
        md.append("| Step | Wall time | Per file | × raw Tika |\n|---|---:|---:|---:|\n");
        r.stages().forEach((name, d) -> row(md, name, d.seconds(), r.n(), raw));
        md.append("\nRaw Tika per format (in-process, before the pipeline):\n\n");
        md.append("| Format | Files | ms per file |\n|---|---:|---:|\n");
        r.perFormat()
                .forEach((ext, sum) -> md.append(
                        String.format(Locale.ROOT, "| .%s | %d | %.1f |%n", ext, sum[1], sum[0] / 1e6 / sum[1])));
        md.append("\n").append(end(r.corpusName())).append("\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String name, double seconds, int n, double raw) {
        md.append(String.format(
                Locale.ROOT, "| %s | %.2f s | %.1f ms | %.2f |%n", name, seconds, seconds * 1000 / n, seconds / raw));
    }

    private static String formats(Map<String, long[]> perFormat) {
        List<String> parts = new ArrayList<>();
        perFormat.forEach((ext, sum) -> parts.add(sum[1] + " ." + ext));
        return String.join(", ", parts);
    }

    private static void updateSection(Path docs, String report, String corpus) throws IOException {
        String text = Files.exists(docs) ? Files.readString(docs, StandardCharsets.UTF_8) : "";
        int begin = text.indexOf(begin(corpus));
        int end = text.indexOf(end(corpus));
        String updated = begin >= 0 && end > begin
                ? text.substring(0, begin)
                        + report.strip()
                        + text.substring(end + end(corpus).length())
                : text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "\n" + report;
        Files.writeString(docs, updated, StandardCharsets.UTF_8);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memTotalMb() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.toString(Long.parseLong(l.replaceAll("\\D", "")) / 1024))
                    .findFirst()
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "n/a" : Long.toString(Math.round(bytes / 1048576.0));
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
    }
}
