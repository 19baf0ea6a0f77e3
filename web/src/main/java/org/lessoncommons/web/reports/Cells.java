package org.lessoncommons.web.reports;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How a cell reads as text, the same on the page, in CSV and in the PDF. */
final class Cells {

    private Cells() {}

    static String text(@Nullable Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double ratio) {
            return String.format(Locale.ROOT, "%.2f", ratio);
        }
        return cell.toString();
    }
}
