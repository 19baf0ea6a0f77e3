package org.lessoncommons.ingest;

import java.time.Duration;
import java.util.List;
import org.springframework.util.unit.DataSize;

/**
 * How the Tika child JVMs run.
 *
 * @param heap the child's {@code -Xmx}; a document that needs more crashes its child only
 * @param timeout longest one document may take, OCR included, before its child is killed
 * @param documentsPerProcess a child is replaced after this many documents, against slow leaks
 * @param processes how many children may run at once, one document each
 * @param jvmOptions further options for the child's {@code java} command
 */
record ExtractionSettings(
        DataSize heap, Duration timeout, int documentsPerProcess, int processes, List<String> jvmOptions) {

    static ExtractionSettings defaults() {
        return new ExtractionSettings(DataSize.ofMegabytes(512), Duration.ofSeconds(120), 1000, 1, List.of());
    }

    ExtractionSettings {
        if (heap.toMegabytes() < 16 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Extraction needs at least 16 MB of heap and a positive timeout");
        }
        if (documentsPerProcess < 1 || processes < 1) {
            throw new IllegalArgumentException("Extraction needs at least one process and one document per process");
        }
        jvmOptions = List.copyOf(jvmOptions);
    }
}
