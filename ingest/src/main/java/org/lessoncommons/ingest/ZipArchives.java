package org.lessoncommons.ingest;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Opens ZIPs made on any teacher's computer. Windows in China writes entry names in GBK without
 * the UTF-8 flag; names that are not valid UTF-8 are therefore read as GB18030 (a superset of GBK).
 */
final class ZipArchives {

    static final Charset CHINESE_WINDOWS = Charset.forName("GB18030");

    private ZipArchives() {}

    static ZipFile open(Path zip) throws IOException {
        try {
            ZipFile utf8 = new ZipFile(zip.toFile(), StandardCharsets.UTF_8);
            // ZipFile decodes names lazily; touching them all surfaces malformed UTF-8 now.
            utf8.stream().forEach(entry -> entry.getName());
            return utf8;
        } catch (ZipException | IllegalArgumentException e) {
            return new ZipFile(zip.toFile(), CHINESE_WINDOWS);
        }
    }

    /** Folders, hidden files and the clutter archivers add are not teaching material. */
    static boolean isClutter(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        return name.endsWith("/")
                || name.startsWith("__MACOSX/")
                || name.contains("/__MACOSX/")
                || last.startsWith(".")
                || last.startsWith("~$")
                || last.equalsIgnoreCase("Thumbs.db")
                || last.equalsIgnoreCase("desktop.ini");
    }
}
