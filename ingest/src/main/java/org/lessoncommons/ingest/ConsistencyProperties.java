package org.lessoncommons.ingest;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The consistency check between database, object store and index.
 *
 * @param orphanGrace an object no row refers to is deleted only when older than this: an upload
 *     stores its bytes before its row, and a slow one may still be committing
 */
@Validated
@ConfigurationProperties("lessoncommons.consistency")
public record ConsistencyProperties(
        @DefaultValue("24h") @DurationMin(seconds = 1) Duration orphanGrace) {}
