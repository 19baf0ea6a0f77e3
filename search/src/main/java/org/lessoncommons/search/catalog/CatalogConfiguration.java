package org.lessoncommons.search.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    /** Empty at start; the lending library fills it from PostgreSQL. Closed by Spring on shutdown. */
    @Bean
    CatalogIndex catalogIndex() {
        return new CatalogIndex();
    }
}
