package org.lessoncommons.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.Subject;
import org.springframework.util.FileSystemUtils;

/**
 * N real files made from the committed fixtures by cycling through them. Each copy is made
 * byte-unique where the format allows it without changing the extracted text, so the content-hash
 * dedup of uploads sees N different files:
 *
 * <ul>
 *   <li>.txt, .html, .rtf, .pdf: an ASCII line (or PDF comment) appended after the end of the
 *       document;
 *   <li>.docx, .pptx, .xlsx, .odt (ZIP): a ZIP archive comment written into the end-of-central-
 *       directory record;
 *   <li>.doc (OLE2): left byte-identical (its sector layout has no harmless place for a marker).
 *       Identical copies still cost the pipeline the same work: dedup only saves keeping the blob
 *       twice (the copy is put and then deleted), every material is extracted and indexed.
 * </ul>
 */
record Corpus(List<Item> items, int distinctContents) {

    static final List<String> EXTENSIONS = List.of("docx", "doc", "pdf", "pptx", "odt", "rtf", "xlsx", "html", "txt");

    /**
     * Scanned pages: OCR costs seconds a page on both sides of the comparison, so one such file
     * would swamp the fixed costs the benchmark is about and flatter the ratio. OCR is its own
     * workload (covered by the format tests), not part of this corpus.
     */
    static final Set<String> IMAGE_ONLY = Set.of("古诗三首-练习-扫描件.pdf");

    /** The formats of the large corpus, each converted by LibreOffice from one long HTML document. */
    static final Map<String, String> LARGE_FORMATS = Map.of(
            "docx", "docx:MS Word 2007 XML",
            "doc", "doc:MS Word 97",
            "odt", "odt:writer8",
            "rtf", "rtf:Rich Text Format",
            "pdf", "pdf:writer_pdf_Export");

    /** How often the bound volume repeats the fixtures' lesson plans: about 100 pages. */
    private static final int LARGE_REPEATS = 12;

    record Fixture(Path path, Subject subject, Grade grade, ResourceType type) {

        String fileName() {
            return path.getFileName().toString();
        }

        String extension() {
            String name = fileName();
            return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        }
    }

    record Item(Path path, String fileName, Fixture fixture, long size) {}

    /** The fixtures of the benchmarked formats, with their metadata from manifest.tsv. */
    static List<Fixture> fixtures(Path dir) throws IOException {
        List<Fixture> fixtures = new ArrayList<>();
        List<String> manifest = Files.readAllLines(dir.resolve("manifest.tsv"), StandardCharsets.UTF_8);
        for (String line : manifest.subList(1, manifest.size())) {
            String[] cells = line.split("\t");
            Path file = dir.resolve(cells[0]);
            Fixture fixture = new Fixture(
                    file, Subject.valueOf(cells[1]), Grade.valueOf(cells[2]), ResourceType.valueOf(cells[3]));
            if (EXTENSIONS.contains(fixture.extension())
                    && !IMAGE_ONLY.contains(fixture.fileName())
                    && Files.isRegularFile(file)) {
                fixtures.add(fixture);
            }
        }
        if (fixtures.isEmpty()) {
            throw new IllegalStateException("No fixtures in " + dir);
        }
        return fixtures;
    }

    /**
     * Large documents as teachers also upload them: a bound volume of a semester's lesson plans
     * (教案合订本, about 100 pages), made from the fixtures' HTML sources and converted by LibreOffice
     * into each of {@link #LARGE_FORMATS}, plus the HTML itself.
     */
    static List<Fixture> large(Path fixturesDir, Path dir) throws IOException, InterruptedException {
        FileSystemUtils.deleteRecursively(dir);
        Files.createDirectories(dir);
        List<String> bodies = new ArrayList<>();
        try (var sources = Files.list(fixturesDir.resolve("src"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                String html = Files.readString(source, StandardCharsets.UTF_8);
                int start = html.indexOf('>', html.indexOf("<body")) + 1;
                int end = html.lastIndexOf("</body>");
                if (start > 0 && end > start) {
                    bodies.add(html.substring(start, end));
                }
            }
        }
        StringBuilder volume = new StringBuilder("""
                <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
                <title>2025学年第一学期 教案合订本</title></head><body>
                <h1>2025学年第一学期 教案合订本</h1>
                """);
        for (int part = 1; part <= LARGE_REPEATS; part++) {
            volume.append("<h1>第").append(part).append("部分</h1>\n");
            bodies.forEach(volume::append);
        }
        volume.append("</body></html>\n");
        Path html = dir.resolve("教案合订本.html");
        Files.writeString(html, volume, StandardCharsets.UTF_8);
        List<Fixture> fixtures = new ArrayList<>();
        fixtures.add(new Fixture(html, Subject.OTHER, Grade.GRADE_3, ResourceType.LESSON_PLAN));
        for (String format : new java.util.TreeSet<>(LARGE_FORMATS.keySet())) {
            Process soffice = new ProcessBuilder(
                            "soffice",
                            "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                            "--headless",
                            "--norestore",
                            "--infilter=HTML (StarWriter)",
                            "--convert-to",
                            LARGE_FORMATS.get(format),
                            "--outdir",
                            dir.toString(),
                            html.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("soffice.log").toFile())
                    .start();
            Path converted = dir.resolve("教案合订本." + format);
            if (soffice.waitFor() != 0 || !Files.isRegularFile(converted)) {
                throw new IllegalStateException("LibreOffice could not make " + converted + ": "
                        + Files.readString(dir.resolve("soffice.log")));
            }
            fixtures.add(new Fixture(converted, Subject.OTHER, Grade.GRADE_3, ResourceType.LESSON_PLAN));
        }
        return fixtures;
    }

    static Corpus make(List<Fixture> fixtures, int n, Path dir) throws IOException {
        return make(fixtures, n, dir, 0);
    }

    /** As {@link #make(List, int, Path)}, the copies numbered from {@code firstCopy}: other bytes, same texts. */
    static Corpus make(List<Fixture> fixtures, int n, Path dir, int firstCopy) throws IOException {
        FileSystemUtils.deleteRecursively(dir);
        Files.createDirectories(dir);
        List<Item> items = new ArrayList<>(n);
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Fixture fixture = fixtures.get(i % fixtures.size());
            byte[] bytes = unique(Files.readAllBytes(fixture.path()), fixture.extension(), firstCopy + i);
            String name = String.format(Locale.ROOT, "%04d-%s", i, fixture.fileName());
            Path file = dir.resolve(name);
            Files.write(file, bytes);
            hashes.add(sha256(bytes));
            items.add(new Item(file, name, fixture, bytes.length));
        }
        return new Corpus(List.copyOf(items), hashes.size());
    }

    long totalBytes() {
        return items.stream().mapToLong(Item::size).sum();
    }

    static byte[] unique(byte[] bytes, String extension, int copy) {
        String marker = String.format(Locale.ROOT, "lessoncommons-bench-copy-%06d", copy);
        return switch (extension) {
            case "txt", "rtf" -> concat(bytes, ("\r\n" + marker + "\r\n").getBytes(StandardCharsets.US_ASCII));
            case "html" -> concat(bytes, ("\n<!-- " + marker + " -->\n").getBytes(StandardCharsets.US_ASCII));
            case "pdf" -> concat(bytes, ("\n%" + marker + "\n").getBytes(StandardCharsets.US_ASCII));
            case "docx", "pptx", "xlsx", "odt" -> withZipComment(bytes, marker);
            default -> bytes;
        };
    }

    /** Sets the archive comment, which must be empty: the end-of-central-directory record ends the file. */
    private static byte[] withZipComment(byte[] zip, String comment) {
        int eocd = zip.length - 22;
        ByteBuffer end = ByteBuffer.wrap(zip, eocd, 22).order(ByteOrder.LITTLE_ENDIAN);
        if (eocd < 0 || end.getInt(eocd) != 0x06054b50 || end.getShort(eocd + 20) != 0) {
            return zip; // unusual layout: keep the copy identical rather than risk breaking it
        }
        byte[] text = comment.getBytes(StandardCharsets.US_ASCII);
        byte[] result = concat(zip, text);
        ByteBuffer.wrap(result).order(ByteOrder.LITTLE_ENDIAN).putShort(eocd + 20, (short) text.length);
        return result;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = new byte[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
