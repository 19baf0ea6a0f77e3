package org.lessoncommons.ingest;

import java.time.Clock;
import org.lessoncommons.search.SearchIndex;
import org.lessoncommons.storage.BlobStore;
import org.lessoncommons.storage.Materials;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsistencyProperties.class)
class ConsistencyConfiguration {

    @Bean
    ConsistencyCheck consistencyCheck(
            JdbcClient jdbc,
            Materials materials,
            BlobStore blobStore,
            SearchIndex index,
            Indexing indexing,
            IngestQueue queue,
            ConsistencyProperties properties) {
        return new ConsistencyCheck(
                jdbc,
                materials,
                blobStore,
                new IndexConsistency(index, indexing, queue),
                queue,
                new OrphanObjects(jdbc, blobStore, properties.orphanGrace()),
                Clock.systemUTC());
    }
}
