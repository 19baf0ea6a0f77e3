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
            if (EXTENSIONS.contains(fixture.extension()) && Files.isRegularFile(file)) {
                fixtures.add(fixture);
            }
        }
        if (fixtures.isEmpty()) {
            throw new IllegalStateException("No fixtures in " + dir);
        }
        return fixtures;
    }

    static Corpus make(List<Fixture> fixtures, int n, Path dir) throws IOException {
        FileSystemUtils.deleteRecursively(dir);
        Files.createDirectories(dir);
        List<Item> items = new ArrayList<>(n);
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Fixture fixture = fixtures.get(i % fixtures.size());
            byte[] bytes = unique(Files.readAllBytes(fixture.path()), fixture.extension(), i);
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
