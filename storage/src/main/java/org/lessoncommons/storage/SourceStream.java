package org.lessoncommons.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Remembers the first failure of the caller's stream, so that an upload broken by its source (a
 * client that went away, a size limit) is not reported as an object store failure.
 */
final class SourceStream extends FilterInputStream {

    private volatile @Nullable RuntimeException failure;

    SourceStream(InputStream source) {
        super(source);
    }

    Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw remember(e);
        } catch (RuntimeException e) {
            throw remember(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            throw remember(e);
        } catch (RuntimeException e) {
            throw remember(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    private IOException remember(IOException e) {
        if (failure == null) {
            failure = new UncheckedIOException("Could not read the content to store", e);
        }
        return e;
    }

    private RuntimeException remember(RuntimeException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }
}
