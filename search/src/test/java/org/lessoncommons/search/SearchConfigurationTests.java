package org.lessoncommons.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lessoncommons.search.SampleMaterials.QUIET_NIGHT_POEM;
import static org.lessoncommons.search.SampleMaterials.material;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SearchConfigurationTests {

    @TempDir
    Path temp;

    private final ApplicationContextRunner contexts =
            new ApplicationContextRunner().withUserConfiguration(SearchConfiguration.class);

    @Test
    void opensTheIndexInTheConfiguredFolder() {
        Path folder = temp.resolve("index");

        contexts.withPropertyValues("lessoncommons.search.index-dir=" + folder).run(context -> {
            context.getBean(SearchIndex.class).index(material("poem", "古诗二首", QUIET_NIGHT_POEM));

            assertThat(context.getBean(SearchIndex.class).count()).isEqualTo(1);
            assertThat(folder).isDirectoryContaining("glob:**/segments_*");
        });
    }

    @Test
    void releasesTheIndexWhenTheContextCloses() {
        Path folder = temp.resolve("index");
        contexts.withPropertyValues("lessoncommons.search.index-dir=" + folder)
                .run(context -> context.getBean(SearchIndex.class).index(material("poem", "古诗二首", QUIET_NIGHT_POEM)));

        contexts.withPropertyValues("lessoncommons.search.index-dir=" + folder).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(SearchIndex.class).contains("poem")).isTrue();
        });
    }

    @Test
    void keepsTheIndexUnderDataByDefault() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of()));

        SearchProperties properties = binder.bindOrCreate("lessoncommons.search", SearchProperties.class);

        assertThat(properties.indexDir()).isEqualTo(Path.of("data/index"));
    }
}
