package org.lessoncommons.search;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

    /** Closed by Spring on shutdown (inferred {@code close()}), which commits and releases the lock. */
    @Bean
    SearchIndex searchIndex(SearchProperties properties) {
        return OnDiskIndex.open(properties.indexDir(), Clock.systemUTC());
    }
}
