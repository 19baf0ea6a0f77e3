package org.lessoncommons.ingest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class BulkUploadConfiguration {

    /** A whole archive may expand to this many times the single-file limit. */
    static final int ARCHIVE_BUDGET_FACTOR = 8;

    @Bean
    MetadataInference metadataInference() {
        return new MetadataInference();
    }

    @Bean
    Corrections corrections(
            org.lessoncommons.storage.Materials materials, Indexing indexing, MetadataInference inference) {
        return new Corrections(materials, indexing, inference);
    }

    @Bean
    BulkUploads bulkUploads(
            Ingestion ingestion, MetadataInference inference, JdbcClient jdbc, IngestProperties properties) {
        return new BulkUploads(
                ingestion, inference, jdbc, properties.maxUploadSize().toBytes() * ARCHIVE_BUDGET_FACTOR);
    }
}
