package org.lessoncommons.web;

import java.util.Set;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.InvalidMimeTypeException;

/**
 * The Content-Type a stored file is served with: its sniffed type when that type is on an
 * allow-list of passive formats (documents, pictures, sound, video, plain text), otherwise
 * {@code application/octet-stream}, so that HTML, SVG, XML or script a teacher uploaded is never
 * handed to a browser as something it would run, even if a download link is opened in a tab.
 */
final class ServedType {

    private static final Set<String> PASSIVE_TOP_LEVEL = Set.of("audio", "video");

    private static final Set<String> PASSIVE = Set.of(
            "text/plain",
            "text/csv",
            "text/vtt",
            "application/pdf",
            "application/msword",
            "application/rtf",
            "application/epub+zip",
            "application/zip",
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/webp",
            "image/bmp",
            "image/tiff");

    private ServedType() {}

    static MediaType of(String sniffed) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(sniffed);
        } catch (InvalidMediaTypeException | InvalidMimeTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
        String essence = type.getType() + "/" + type.getSubtype();
        boolean passive = PASSIVE.contains(essence) || PASSIVE_TOP_LEVEL.contains(type.getType()) || isOffice(type);
        return passive ? type : MediaType.APPLICATION_OCTET_STREAM;
    }

    /** Word, Excel, PowerPoint, OpenDocument and WPS formats; none of them is XML-based at the top. */
    private static boolean isOffice(MediaType type) {
        String subtype = type.getSubtype();
        return type.getType().equals("application")
                && (subtype.startsWith("vnd.openxmlformats-officedocument.")
                        || subtype.startsWith("vnd.ms-")
                        || subtype.startsWith("vnd.oasis.opendocument.")
                        || subtype.startsWith("vnd.wps")
                        || subtype.startsWith("x-tika-msoffice")
                        || subtype.startsWith("x-tika-ooxml"))
                && !subtype.endsWith("+xml")
                && !subtype.contains("htmlhelp");
    }
}
