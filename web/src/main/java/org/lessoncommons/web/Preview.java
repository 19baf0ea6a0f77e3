package org.lessoncommons.web;

import org.jspecify.annotations.Nullable;

/**
 * How the material page shows a file in the browser.
 *
 * @param kind pdf, word, slides, sheet, video, audio, image, text or file
 * @param inlineUrl the file itself, when its type is on the inline allow-list
 * @param renditionUrl the PDF LibreOffice made of an Office file, if any
 * @param text the start of the extracted text (Office and text files), if extraction succeeded
 * @param textCut whether {@code text} is only the start
 */
record Preview(
        String kind,
        @Nullable String inlineUrl,
        @Nullable String renditionUrl,
        @Nullable String text,
        boolean textCut) {

    static final int TEXT_SHOWN = 20_000;
}
