package org.lessoncommons.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.util.unit.DataSize;

/** Counts bytes as they stream past and fails as soon as the limit is crossed. */
final class SizeLimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;
    private boolean exceeded;

    SizeLimitedInputStream(InputStream in, DataSize limit) {
        super(in);
        this.limit = limit.toBytes();
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        advance(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void advance(long n) throws IOException {
        count += n;
        if (count > limit) {
            exceeded = true;
            throw new IOException("Upload exceeds " + limit + " bytes");
        }
    }

    long count() {
        return count;
    }

    boolean exceeded() {
        return exceeded;
    }
}
