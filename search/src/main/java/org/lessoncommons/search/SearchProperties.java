package org.lessoncommons.search;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the search module.
 *
 * @param indexDir where the Lucene index lives; derived data, rebuilt from storage when lost
 */
@ConfigurationProperties("lessoncommons.search")
public record SearchProperties(@DefaultValue("data/index") Path indexDir) {}
