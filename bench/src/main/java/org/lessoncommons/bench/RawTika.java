package org.lessoncommons.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * The baseline: plain Tika, one file after another, with the parse settings the pipeline's
 * extraction child uses (same write limit; OCR only for images and text-less PDF pages), without
 * anything around it — no temporary copy, no child process, no storage, no index.
 *
 * <p>Also a {@code main}, run in a fresh JVM by the benchmark: the whole batch as tika-app's batch
 * mode would do it, JVM start and JIT warm-up included.
 */
final class RawTika {

    private final AutoDetectParser parser = new AutoDetectParser();
    private final int maxChars;

    RawTika(int maxChars) {
        this.maxChars = maxChars;
    }

    /** Characters extracted; -1 when the file could not be read. */
    int extract(Path file) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        BodyContentHandler handler = new BodyContentHandler(maxChars);
        try (TikaInputStream stream = TikaInputStream.get(file)) {
            MediaType type = parser.getDetector().detect(stream, metadata);
            parser.parse(stream, handler, metadata, context(type));
        } catch (SAXException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                return -1;
            }
        } catch (TikaException | IOException | RuntimeException e) {
            return -1;
        }
        return handler.toString().length();
    }

    /** As the extraction child (ExtractionServer) sets it up. */
    private static ParseContext context(MediaType type) {
        boolean scan = type.getType().equals("image") || type.equals(MediaType.application("pdf"));
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(!scan);
        ocr.setLanguage("chi_sim+eng");
        ocr.setPreserveInterwordSpacing(true);
        ocr.setTimeoutSeconds(120);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.AUTO);
        ParseContext context = new ParseContext();
        context.set(TesseractOCRConfig.class, ocr);
        context.set(PDFParserConfig.class, pdf);
        return context;
    }

    /** Arguments: a file listing one path per line, the write limit. Prints the milliseconds taken. */
    public static void main(String[] args) throws IOException {
        List<String> files = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        long start = System.nanoTime();
        RawTika tika = new RawTika(Integer.parseInt(args[1]));
        int failed = 0;
        for (String file : files) {
            if (tika.extract(Path.of(file)) < 0) {
                failed++;
            }
        }
        System.out.println((System.nanoTime() - start) / 1_000_000 + " " + failed);
    }
}
