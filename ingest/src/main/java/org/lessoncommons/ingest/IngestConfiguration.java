package org.lessoncommons.ingest;

import java.util.List;
import org.apache.tika.config.TikaConfig;
import org.lessoncommons.search.SearchIndex;
import org.lessoncommons.storage.BlobStore;
import org.lessoncommons.storage.Blobs;
import org.lessoncommons.storage.Downloads;
import org.lessoncommons.storage.Materials;
import org.lessoncommons.storage.Schools;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IngestProperties.class, RenditionProperties.class})
class IngestConfiguration {

    @Bean
    TextExtractor textExtractor(IngestProperties properties) {
        return new TextExtractor(
                properties.maxTextChars(),
                new ExtractionSettings(
                        properties.extractionHeap(),
                        properties.extractionTimeout(),
                        properties.extractionDocumentsPerProcess(),
                        properties.workers(),
                        List.of()));
    }

    @Bean
    IngestQueue ingestQueue(JdbcClient jdbc, IngestProperties properties) {
        return new IngestQueue(jdbc, properties.lease());
    }

    @Bean
    Indexing indexing(SearchIndex index, BlobStore blobStore, Schools schools, Downloads downloads) {
        return new Indexing(index, blobStore, schools, downloads);
    }

    @Bean
    IngestWorker ingestWorker(
            IngestQueue queue,
            Materials materials,
            Blobs blobs,
            BlobStore blobStore,
            TextExtractor extractor,
            Indexing indexing,
            IngestProperties properties,
            Media media,
            Renditions renditions) {
        return new IngestWorker(queue, materials, blobs, blobStore, extractor, indexing, properties, media, renditions);
    }

    @Bean
    Renditions renditions(RenditionProperties properties, BlobStore blobStore) {
        return new Renditions(properties, blobStore);
    }

    @Bean
    Media media(BlobStore blobStore, JdbcClient jdbc) {
        return new Media(new MediaProbe(), blobStore, jdbc);
    }

    @Bean
    Ingestion ingestion(
            BlobStore blobStore,
            Materials materials,
            Schools schools,
            JdbcClient jdbc,
            IngestQueue queue,
            TransactionTemplate transaction,
            IngestProperties properties,
            IngestWorker worker,
            Indexing indexing) {
        return new Ingestion(
                blobStore,
                materials,
                schools,
                jdbc,
                queue,
                transaction,
                TikaConfig.getDefaultConfig().getDetector(),
                properties,
                worker::wake,
                indexing);
    }

    @Bean
    Reindexing reindexing(Materials materials, Indexing indexing, SearchIndex index, IngestQueue queue) {
        return new Reindexing(materials, indexing, index, queue);
    }
}
