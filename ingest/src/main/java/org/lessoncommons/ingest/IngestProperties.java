package org.lessoncommons.ingest;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Ingest tunables.
 *
 * @param maxUploadSize largest file accepted; enforced while streaming, not trusted from headers
 * @param maxTextChars extracted text beyond this is cut off (Tika's own default is 100 000)
 * @param workers how many materials are extracted at once
 * @param pollInterval how often the queue is checked when nobody signalled new work
 * @param maxAttempts attempts before a material is marked FAILED
 * @param retryBackoff delay before the first retry; doubled on each further attempt
 * @param lease how long a claimed job stays invisible to other workers
 * @param extractionHeap heap cap ({@code -Xmx}) of each Tika child JVM; one child per worker
 * @param extractionTimeout longest one document may take, OCR included, before its child is killed
 *     and the material marked FAILED; keep it well below {@code lease}
 * @param extractionDocumentsPerProcess a Tika child is replaced after this many documents
 */
@Validated
@ConfigurationProperties("lessoncommons.ingest")
public record IngestProperties(
        @DefaultValue("512MB") DataSize maxUploadSize,
        @DefaultValue("2000000") @Min(1000) int maxTextChars,
        @DefaultValue("1") @Min(1) int workers,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("5") @Min(1) int maxAttempts,
        @DefaultValue("10s") Duration retryBackoff,
        @DefaultValue("10m") Duration lease,
        @DefaultValue("512MB") DataSize extractionHeap,
        @DefaultValue("120s") Duration extractionTimeout,
        @DefaultValue("1000") @Min(1) int extractionDocumentsPerProcess) {}
