package org.lessoncommons.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.lessoncommons.storage.Blob;
import org.lessoncommons.storage.BlobStore;
import org.lessoncommons.storage.Material;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * A PDF of each distinct Office file (Word, PowerPoint, Excel, WPS, ODF, RTF), made once by
 * LibreOffice in a throw-away profile and folder, with a timeout, and kept in the object store next
 * to the file. Without LibreOffice installed, nothing is made and nothing fails.
 */
public class Renditions {

    private static final Logger log = LoggerFactory.getLogger(Renditions.class);
    private static final Pattern OFFICE_NAME = Pattern.compile(".*\\.(docx?|pptx?|xlsx?|wps|et|dps|odt|odp|ods|rtf)$");

    private final RenditionProperties properties;
    private final BlobStore blobStore;

    Renditions(RenditionProperties properties, BlobStore blobStore) {
        this.properties = properties;
        this.blobStore = blobStore;
    }

    static String key(String sha256) {
        return "renditions/" + sha256 + ".pdf";
    }

    /** The object key of the material's PDF rendition, if one was made. */
    public Optional<String> of(Material material) {
        String key = key(material.sha256());
        return blobStore.stat(key).map(BlobStore.BlobInfo::key);
    }

    static boolean isOffice(String contentType, String fileName) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.contains("officedocument")
                || type.contains("msword")
                || type.contains("ms-excel")
                || type.contains("ms-powerpoint")
                || type.contains("opendocument")
                || type.contains("rtf")
                || type.contains("wps")
                || OFFICE_NAME.matcher(fileName.toLowerCase(Locale.ROOT)).matches();
    }

    /** Makes the rendition unless it exists, the file is no Office file, or LibreOffice is absent. */
    void render(Blob blob, Material material, String contentType) {
        if (!properties.enabled()
                || contentType.equals("application/pdf")
                || !isOffice(contentType, material.fileName())
                || blobStore.stat(key(blob.sha256())).isPresent()) {
            return;
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("lessoncommons-rendition-");
            Path source = dir.resolve("source" + extension(material.fileName()));
            try (InputStream in = blobStore.get(blob.objectKey())) {
                Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
            }
            convert(dir, source).ifPresent(pdf -> {
                try (InputStream in = Files.newInputStream(pdf)) {
                    blobStore.put(key(blob.sha256()), in, pdf.toFile().length(), "application/pdf");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                FileSystemUtils.deleteRecursively(dir.toFile());
            }
        }
    }

    private Optional<Path> convert(Path dir, Path source) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        properties.command(),
                        "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                        "--headless",
                        "--norestore",
                        "--nolockcheck",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        dir.resolve("out").toString(),
                        source.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("soffice.log").toFile());
        builder.environment().put("HOME", dir.toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            log.info("{} is not available ({}); Office files get no PDF preview", properties.command(), e.getMessage());
            return Optional.empty();
        }
        try {
            if (!process.waitFor(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                log.warn("LibreOffice took longer than {} for {}; no PDF preview", properties.timeout(), source);
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        Path pdf = dir.resolve("out").resolve("source.pdf");
        if (process.exitValue() != 0 || !Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
            log.info("LibreOffice made no PDF (exit code {})", process.exitValue());
            return Optional.empty();
        }
        return Optional.of(pdf);
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot).toLowerCase(Locale.ROOT);
        return ext.matches("\\.[a-z0-9]{1,5}") ? ext : "";
    }
}
