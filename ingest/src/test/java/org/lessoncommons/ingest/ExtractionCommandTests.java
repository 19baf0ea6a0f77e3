package org.lessoncommons.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ExtractionCommandTests {

    @Test
    void theChildGetsAHeapCapAndDiesOnOutOfMemory() {
        var settings =
                new ExtractionSettings(DataSize.ofMegabytes(256), Duration.ofSeconds(5), 10, 1, List.of("-Dx=y"));

        List<String> command = ExtractionCommand.of(settings);

        assertThat(command.getFirst()).endsWith("java");
        assertThat(command).contains("-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-Dx=y");
        assertThat(command.getLast()).isEqualTo(ExtractionServer.class.getName());
    }

    @Test
    void insideABootJarTheChildStartsThroughThePropertiesLauncher() {
        List<String> main = ExtractionCommand.mainClass("/srv/app.jar", true);

        assertThat(main)
                .containsExactly(
                        "-cp",
                        "/srv/app.jar",
                        "-Dloader.main=org.lessoncommons.ingest.ExtractionServer",
                        "org.springframework.boot.loader.launch.PropertiesLauncher");
    }
}
