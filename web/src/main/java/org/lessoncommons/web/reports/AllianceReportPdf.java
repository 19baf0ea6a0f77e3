package org.lessoncommons.web.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.usage.MaterialUse;
import org.lessoncommons.storage.usage.UsageReports;
import org.springframework.stereotype.Component;

/**
 * The per-semester alliance report (捆绑考核) as PDF: one A4 page per school with its indicators
 * (every {@link SchoolIndicators} bean) and its most used shared materials, set in a Chinese
 * TrueType font embedded as a subset.
 */
@Component
class AllianceReportPdf {

    private static final float MARGIN = 56;
    private static final int MOST_USED = 8;

    private final CjkFont cjkFont;
    private final List<SchoolIndicators> indicators;
    private final UsageReports reports;

    AllianceReportPdf(CjkFont cjkFont, List<SchoolIndicators> indicators, UsageReports reports) {
        this.cjkFont = cjkFont;
        this.indicators = indicators;
        this.reports = reports;
    }

    byte[] render(String allianceName, List<School> schools, ReportContext context) {
        try (PDDocument document = new PDDocument();
                CjkFont.Loaded font = cjkFont.load(document);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getDocumentInformation()
                    .setTitle(allianceName + " " + context.semester().label(context.locale()));
            for (int i = 0; i < schools.size(); i++) {
                page(document, new Writer(font.font()), allianceName, schools.get(i), context, i + 1, schools.size());
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void page(
            PDDocument document,
            Writer writer,
            String allianceName,
            School school,
            ReportContext context,
            int number,
            int pages)
            throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        float width = page.getMediaBox().getWidth() - 2 * MARGIN;
        float right = MARGIN + width;
        try (PDPageContentStream text = new PDPageContentStream(document, page)) {
            float y = page.getMediaBox().getHeight() - MARGIN;
            writer.line(text, allianceName + " · " + context.word("reports.pdf.title"), 10, MARGIN, y, width);
            y -= 16;
            writer.line(text, context.semester().label(context.locale()), 10, MARGIN, y, width);
            y -= 34;
            writer.line(text, school.name(), 20, MARGIN, y, width);
            y -= 20;
            writer.line(
                    text,
                    context.word("reports.membership." + school.membership().name()),
                    11,
                    MARGIN,
                    y,
                    width);
            y -= 32;
            writer.line(text, context.word("reports.pdf.indicators"), 13, MARGIN, y, width);
            y -= 20;
            for (SchoolIndicators source : indicators) {
                for (SchoolIndicators.Indicator line : source.of(school, context)) {
                    writer.line(text, line.label(), 11, MARGIN + 12, y, width - 120);
                    writer.right(text, line.value(), 11, right, y);
                    y -= 17;
                }
            }
            y -= 20;
            writer.line(text, context.word("reports.pdf.mostUsed"), 13, MARGIN, y, width);
            y -= 20;
            List<MaterialUse> used = reports.mostUsedOf(school.id(), context.from(), context.to(), MOST_USED);
            if (used.isEmpty()) {
                writer.line(text, context.word("reports.empty"), 11, MARGIN + 12, y, width);
            } else {
                writer.right(text, context.word("reports.column.views"), 9, right - 70, y + 14);
                writer.right(text, context.word("reports.column.downloads"), 9, right, y + 14);
            }
            for (MaterialUse use : used) {
                writer.line(text, use.title(), 11, MARGIN + 12, y, width - 160);
                writer.right(text, Long.toString(use.views()), 11, right - 70, y);
                writer.right(text, Long.toString(use.downloads()), 11, right, y);
                y -= 17;
            }
            writer.right(text, number + " / " + pages, 9, right, MARGIN / 2);
        }
    }

    /** Writes text in the font, leaving out characters it has no glyph for and cutting what is too wide. */
    private record Writer(PDType0Font font) {

        void line(PDPageContentStream stream, String text, float size, float x, float y, float maxWidth)
                throws IOException {
            String shown = fit(printable(text), size, maxWidth);
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, y);
            stream.showText(shown);
            stream.endText();
        }

        void right(PDPageContentStream stream, String text, float size, float rightEdge, float y) throws IOException {
            String shown = printable(text);
            line(stream, shown, size, rightEdge - width(shown, size), y, Float.MAX_VALUE);
        }

        private String fit(String text, float size, float maxWidth) throws IOException {
            if (width(text, size) <= maxWidth) {
                return text;
            }
            String cut = text;
            while (!cut.isEmpty() && width(cut + "...", size) > maxWidth) {
                cut = cut.substring(0, cut.offsetByCodePoints(0, cut.codePointCount(0, cut.length()) - 1));
            }
            return cut + "...";
        }

        private float width(String text, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        private String printable(String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(cp -> {
                String ch = new String(Character.toChars(cp));
                try {
                    font.encode(ch);
                    out.append(Character.isISOControl(cp) ? " " : ch);
                } catch (IllegalArgumentException | IOException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }
    }
}
