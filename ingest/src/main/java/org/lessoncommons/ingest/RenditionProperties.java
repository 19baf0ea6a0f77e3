package org.lessoncommons.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * PDF renditions of Office files, made with LibreOffice at ingest so browsers can show them.
 *
 * @param enabled whether to try at all (skipped cleanly anyway when {@code soffice} is absent)
 * @param command the LibreOffice program
 * @param timeout longest one conversion may take before LibreOffice is killed
 */
@ConfigurationProperties("lessoncommons.ingest.renditions")
public record RenditionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("soffice") String command,
        @DefaultValue("90s") Duration timeout) {}
