package org.lessoncommons.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a child's stderr (its warnings, and the JVM's last words before it dies) into this JVM's
 * log, line by line, so the pipe never fills and blocks the child. Overlong lines are cut.
 */
final class ExtractionStderr {

    private static final Logger log = LoggerFactory.getLogger(ExtractionServer.class);
    private static final int MAX_LINE_BYTES = 8192;

    private ExtractionStderr() {}

    static void drain(Process process) {
        Thread.ofPlatform()
                .daemon()
                .name("extraction-" + process.pid() + "-stderr")
                .start(() -> copyLines(process.getErrorStream(), process.pid()));
    }

    private static void copyLines(InputStream stderr, long pid) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (InputStream in = new BufferedInputStream(stderr)) {
            for (int b = in.read(); b != -1; b = in.read()) {
                if (b == '\n') {
                    flush(line, pid);
                } else if (line.size() < MAX_LINE_BYTES) {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            // The child is gone.
        }
        flush(line, pid);
    }

    private static void flush(ByteArrayOutputStream line, long pid) {
        if (line.size() > 0) {
            log.warn("[{}] {}", pid, line.toString(StandardCharsets.UTF_8).stripTrailing());
            line.reset();
        }
    }
}
