package org.lessoncommons.web.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The TrueType font with Chinese glyphs the PDF is set in, embedded as a subset of what each document
 * uses. Found among {@link ReportSettings#pdfFonts()}; without one, no PDF can be made.
 */
@Component
class CjkFont {

    private final ReportSettings settings;

    CjkFont(ReportSettings settings) {
        this.settings = settings;
    }

    Optional<Path> path() {
        return settings.pdfFonts().stream().filter(Files::isReadable).findFirst();
    }

    /** A font loaded into one document; close it after the document is saved. */
    record Loaded(PDType0Font font, @Nullable TrueTypeCollection collection) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            if (collection != null) {
                collection.close();
            }
        }
    }

    /** Loads the font into the document; {@link NoCjkFont} when none of the configured files exists. */
    Loaded load(PDDocument document) throws IOException {
        Path path = path().orElseThrow(() -> new NoCjkFont(settings.pdfFonts().toString()));
        if (!path.toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            return new Loaded(PDType0Font.load(document, path.toFile()), null);
        }
        // PDFBox reads the glyphs it embeds when the document is saved, so the collection stays open until then.
        TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
        try {
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(font -> {
                if (first[0] == null) {
                    first[0] = font;
                }
            });
            return new Loaded(PDType0Font.load(document, first[0], true), collection);
        } catch (IOException | RuntimeException e) {
            collection.close();
            throw e;
        }
    }
}
