package org.lessoncommons.search;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the index in a file-system folder, checking every file's checksum first. The index is
 * derived data: an unreadable or damaged one is moved aside (never deleted) and replaced by an
 * empty one, which callers rebuild from storage.
 */
final class OnDiskIndex {

    private static final Logger logger = LoggerFactory.getLogger(OnDiskIndex.class);

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private OnDiskIndex() {}

    static SearchIndex open(Path folder, Clock clock) {
        try {
            return openIn(folder);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof LockObtainFailedException) {
                throw new IllegalStateException(
                        "The search index " + folder.toAbsolutePath() + " is locked by another process"
                                + " (another LessonCommons instance?); stop it or configure a different"
                                + " lessoncommons.search.index-dir",
                        e);
            }
            if (!unreadable(e.getCause())) {
                throw e;
            }
            Path aside = folder.resolveSibling(folder.getFileName() + ".corrupt-" + STAMP.format(clock.instant()));
            logger.warn(
                    "The search index {} is unreadable ({}); moved it to {} and starting with an empty index,"
                            + " which has to be rebuilt from storage",
                    folder,
                    e.getCause().toString(),
                    aside);
            move(folder, aside);
            return openIn(folder);
        }
    }

    private static SearchIndex openIn(Path folder) {
        FSDirectory directory;
        try {
            directory = FSDirectory.open(Files.createDirectories(folder));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the search index folder " + folder, e);
        }
        try {
            verify(directory);
            return new SearchIndex(directory, true);
        } catch (RuntimeException e) {
            IOUtils.closeWhileHandlingException(directory);
            throw e;
        }
    }

    /**
     * Reads every file of every segment against its checksum. Opening a writer reads only the
     * segment list, so a damaged data file would otherwise show up only when a search touches it.
     */
    private static void verify(FSDirectory directory) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return;
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    leaf.reader().checkIntegrity();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The search index in " + directory + " failed its check", e);
        }
    }

    private static boolean unreadable(IOException e) {
        return e instanceof CorruptIndexException
                || e instanceof IndexFormatTooOldException
                || e instanceof IndexFormatTooNewException
                || e instanceof EOFException
                || e instanceof NoSuchFileException
                || e instanceof FileNotFoundException;
    }

    private static void move(Path folder, Path aside) {
        try {
            Files.move(folder, aside);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the unreadable search index " + folder + " aside", e);
        }
    }
}
