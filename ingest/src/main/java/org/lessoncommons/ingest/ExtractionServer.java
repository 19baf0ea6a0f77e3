package org.lessoncommons.ingest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
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
import org.lessoncommons.ingest.ExtractionProtocol.Reply;
import org.lessoncommons.ingest.ExtractionProtocol.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * Main class of the child JVM that {@link ExtractionProcess} starts: the only place Tika parses.
 * Answers one {@link Request} at a time until stdin closes. A parser that exhausts the heap, calls
 * {@code System.exit} or hangs takes down this process only. {@link AutoDetectParser} wraps the
 * handler in a {@code SecureContentHandler} (limits on output per input byte, XML depth and
 * package nesting), and the write limit caps the text; embedded documents are parsed as before.
 */
final class ExtractionServer {

    private static final int OCR_TIMEOUT_SECONDS = 120;
    private static final int MAX_REASON_CHARS = 2000;

    private final AutoDetectParser parser = new AutoDetectParser();

    public static void main(String[] args) throws IOException {
        FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        ProcessHandle.current()
                .parent()
                .ifPresent(parent ->
                        parent.onExit().thenRun(() -> Runtime.getRuntime().halt(2)));
        logWarningsToStderr();
        ExtractionServer server = new ExtractionServer();
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stdout));
        ExtractionProtocol.write(out, Reply.ready());
        for (Optional<Request> request = ExtractionProtocol.readRequest(in);
                request.isPresent();
                request = ExtractionProtocol.readRequest(in)) {
            ExtractionProtocol.write(out, server.extract(request.get()));
        }
        System.exit(0);
    }

    Reply extract(Request request) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, request.fileName());
        BodyContentHandler handler = new BodyContentHandler(request.maxChars());
        boolean truncated = false;
        try (TikaInputStream stream = TikaInputStream.get(Path.of(request.path()))) {
            MediaType type = parser.getDetector().detect(stream, metadata);
            parser.parse(stream, handler, metadata, context(type));
        } catch (SAXException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                return unreadable(e.getMessage() == null ? describe(e) : e.getMessage());
            }
            truncated = true;
        } catch (TikaException | IOException | RuntimeException | LinkageError e) {
            return unreadable(describe(e));
        } catch (StackOverflowError e) {
            return unreadable("nested too deeply (stack overflow)");
        }
        String contentType = metadata.get(Metadata.CONTENT_TYPE);
        return Reply.extracted(
                contentType == null ? "application/octet-stream" : contentType, truncated, tidy(handler.toString()));
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

    private static Reply unreadable(String reason) {
        return Reply.unreadable(
                reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) + "…" : reason);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Without a configuration of its own, logback would log everything at DEBUG. */
    private static void logWarningsToStderr() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%-5level %logger{36} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
    }
}
