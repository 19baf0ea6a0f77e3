package org.lessoncommons.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.lessoncommons.ingest.ExtractionProtocol.Reply;
import org.lessoncommons.ingest.ExtractionProtocol.Request;

/**
 * Gets plain text out of any file Tika understands. Tika never parses in this JVM: the bytes go to
 * a temporary file and a child JVM ({@link ExtractionServer}, heap-capped, killed after a
 * timeout) parses it, so a zip bomb, a parser loop or a {@code System.exit} costs one document,
 * never the application. Children start on first use and stop on {@link #close()}, or when an
 * extractor nobody closed is garbage collected.
 */
public class TextExtractor implements AutoCloseable {

    private static final Cleaner cleaner = Cleaner.create();

    private final int maxChars;
    private final ExtractionPool pool;
    private final Cleaner.Cleanable releasePool;

    /** One child with the default heap cap, timeout and recycling. */
    public TextExtractor(int maxChars) {
        this(maxChars, ExtractionSettings.defaults());
    }

    TextExtractor(int maxChars, ExtractionSettings settings) {
        this.maxChars = maxChars;
        this.pool = ExtractionPool.acquire(settings);
        this.releasePool = cleaner.register(this, pool::release);
    }

    /**
     * Reads {@code content} to the end; the caller closes it.
     *
     * @throws UnreadableDocument the file is corrupt, unsupported, too big to parse within the heap
     *     cap, or takes longer than the timeout
     * @throws UncheckedIOException {@code content} could not be read or no child could be started
     */
    public ExtractedText extract(InputStream content, String fileName) {
        Path copy = spool(content);
        try {
            Reply reply = pool.extract(new Request(copy.toString(), fileName, maxChars));
            return switch (reply.status()) {
                case EXTRACTED -> new ExtractedText(reply.text(), reply.contentType(), reply.truncated());
                case UNREADABLE, READY -> throw unreadable(fileName, new ExtractionFailed(reply.text()));
            };
        } catch (ExtractionFailed e) {
            throw unreadable(fileName, e);
        } finally {
            delete(copy);
        }
    }

    /**
     * Stops the children unless another open extractor with the same settings shares them; a
     * document being extracted then fails with {@link IllegalStateException}.
     */
    @Override
    public void close() {
        releasePool.clean();
    }

    /** Process ids of the running children. */
    List<Long> processIds() {
        return pool.processIds();
    }

    /** Collapses the runs of blank lines and trailing spaces office formats produce. */
    static String tidy(String text) {
        return ExtractionServer.tidy(text);
    }

    private static UnreadableDocument unreadable(String fileName, ExtractionFailed e) {
        return new UnreadableDocument("Could not read " + fileName + ": " + e.getMessage(), e);
    }

    private static Path spool(InputStream content) {
        Path copy;
        try {
            copy = Files.createTempFile("lessoncommons-extract-", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.copy(content, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            delete(copy);
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover in the temp directory is harmless.
        }
    }
}
