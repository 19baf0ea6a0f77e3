package org.lessoncommons.storage.usage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How usage events are buffered: at most {@code queueCapacity} wait in memory (more are dropped and
 * counted, never waited for); they are written {@code batchSize} at a time, at the latest {@code
 * flushInterval} after the first of a batch arrived.
 */
@ConfigurationProperties("lessoncommons.usage")
public record UsageSettings(
        @DefaultValue("10000") int queueCapacity,
        @DefaultValue("500") int batchSize,
        @DefaultValue("1s") Duration flushInterval) {

    public UsageSettings {
        if (queueCapacity < 1 || batchSize < 1 || flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException(
                    "lessoncommons.usage: capacity, batch size and flush interval must be positive");
        }
    }
}
