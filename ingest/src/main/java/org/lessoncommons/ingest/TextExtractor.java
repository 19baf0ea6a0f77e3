package org.lessoncommons.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * Gets plain text out of any file Tika understands. One shared {@link AutoDetectParser}: Tika
 * parsers are stateless and meant to be reused across threads.
 */
public class TextExtractor {

    private static final int OCR_TIMEOUT_SECONDS = 120;

    private final AutoDetectParser parser = new AutoDetectParser();
    private final int maxChars;

    public TextExtractor(int maxChars) {
        this.maxChars = maxChars;
    }

    /** Reads {@code content} to the end; the caller closes it. */
    public ExtractedText extract(InputStream content, String fileName) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        BodyContentHandler handler = new BodyContentHandler(maxChars);
        boolean truncated = false;
        try (TikaInputStream stream = TikaInputStream.get(content)) {
            MediaType type = parser.getDetector().detect(stream, metadata);
            parser.parse(stream, handler, metadata, context(type));
        } catch (SAXException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw new UnreadableDocument("Could not read " + fileName + ": " + e.getMessage(), e);
            }
            truncated = true;
        } catch (TikaException e) {
            throw new UnreadableDocument("Could not read " + fileName + ": " + rootMessage(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String contentType = metadata.get(Metadata.CONTENT_TYPE);
        return new ExtractedText(
                tidy(handler.toString()), contentType == null ? "application/octet-stream" : contentType, truncated);
    }

    /**
     * OCR only images and the text-less pages of scanned PDFs: Tika would otherwise OCR every
     * thumbnail inside office files. Without interword spacing Tesseract returns 三 年 级, which
     * segments badly.
     */
    private static ParseContext context(MediaType type) {
        boolean scan = type.getType().equals("image") || type.equals(MediaType.application("pdf"));
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(!scan);
        ocr.setLanguage("chi_sim+eng");
        ocr.setPreserveInterwordSpacing(true);
        ocr.setTimeoutSeconds(OCR_TIMEOUT_SECONDS);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.AUTO);
        ParseContext context = new ParseContext();
        context.set(TesseractOCRConfig.class, ocr);
        context.set(PDFParserConfig.class, pdf);
        return context;
    }

    /** Collapses the runs of blank lines and trailing spaces office formats produce. */
    static String tidy(String text) {
        return text.replaceAll("[ \\t\\u00A0\\u3000]+\\n", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
