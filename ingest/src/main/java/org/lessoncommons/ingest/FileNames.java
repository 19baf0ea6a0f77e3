package org.lessoncommons.ingest;

import java.text.Normalizer;

/** Makes an uploader-supplied file name safe to keep as metadata (never as a path or key). */
final class FileNames {

    private static final int MAX_LENGTH = 255;

    private FileNames() {}

    static String clean(@org.jspecify.annotations.Nullable String raw) {
        String name = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC);
        // Browsers on Windows send full paths; keep only the last segment.
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        // Control characters (also C1, such as NEL), format characters (bidi overrides, zero-width
        // spaces) and line separators can forge headers, break log lines or disguise extensions.
        name = name.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "未命名文件";
        }
        if (name.length() > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            // Cut at a code point, never between the halves of a surrogate pair.
            int end = MAX_LENGTH - ext.length();
            if (Character.isHighSurrogate(name.charAt(end - 1))) {
                end--;
            }
            name = name.substring(0, end) + ext;
        }
        return name;
    }

    static String withoutExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
