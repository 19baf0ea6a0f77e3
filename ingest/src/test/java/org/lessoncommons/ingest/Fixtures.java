package org.lessoncommons.ingest;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Real documents made by LibreOffice, ffmpeg and ImageMagick; see fixtures/README.md. */
final class Fixtures {

    private Fixtures() {}

    static Path path(String name) {
        URL url = Fixtures.class.getResource("/fixtures/" + name);
        if (url == null) {
            throw new IllegalStateException("No fixture " + name + " (see fixtures/README.md)");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
