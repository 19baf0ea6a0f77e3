package org.lessoncommons.web;

import java.util.Locale;

/** The kind of file a material is, for its icon and its preview. */
final class FileKinds {

    private FileKinds() {}

    /** pdf, word, slides, sheet, video, audio, image, text or file; the sniffed type wins over the name. */
    static String of(String contentType, String fileName) {
        String type = contentType.toLowerCase(Locale.ROOT);
        String name = fileName.toLowerCase(Locale.ROOT);
        if (type.startsWith("video/")) {
            return "video";
        }
        if (type.startsWith("audio/")) {
            return "audio";
        }
        if (type.startsWith("image/")) {
            return "image";
        }
        if (type.equals("application/pdf")) {
            return "pdf";
        }
        if (type.contains("presentation") || type.contains("powerpoint") || name.matches(".*\\.(pptx?|dps|odp)$")) {
            return "slides";
        }
        if (type.contains("spreadsheet") || type.contains("excel") || name.matches(".*\\.(xlsx?|et|ods|csv)$")) {
            return "sheet";
        }
        if (type.contains("word")
                || type.contains("opendocument.text")
                || type.contains("rtf")
                || name.matches(".*\\.(docx?|wps|odt|rtf)$")) {
            return "word";
        }
        if (type.startsWith("text/")) {
            return "text";
        }
        return "file";
    }

    /** Office documents: previewed as their extracted text and, where LibreOffice made one, a PDF. */
    static boolean isOffice(String kind) {
        return kind.equals("word") || kind.equals("slides") || kind.equals("sheet");
    }
}
