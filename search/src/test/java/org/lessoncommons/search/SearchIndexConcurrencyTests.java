package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lessoncommons.search.SampleMaterials.material;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SearchIndexConcurrencyTests {

    private final SearchIndex index = new SearchIndex(new ByteBuffersDirectory());
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void close() throws IOException {
        executor.shutdownNow();
        index.close();
    }

    @Test
    void searchesWhileAnotherThreadIndexes() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        Future<Long> searches = executor.submit(() -> {
            long found = 0;
            while (writing.get()) {
                found = Math.max(found, index.search(SearchQuery.of("乘法口诀")).totalHits());
            }
            return found;
        });

        Future<?> writes = executor.submit(() -> {
            for (int i = 0; i < 200; i++) {
                index.index(material("drill-" + i, "二年级乘法口诀练习 " + i, "背诵乘法口诀：三七二十一，四七二十八。"));
                index.remove("drill-" + (i / 2));
            }
            writing.set(false);
        });
        writes.get(60, TimeUnit.SECONDS);

        assertThat(searches.get(60, TimeUnit.SECONDS)).isPositive();
        assertThat(index.count()).isEqualTo(100);
        assertThat(index.contains("drill-199")).isTrue();
    }
}
