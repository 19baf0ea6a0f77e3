package org.lessoncommons.web.reports;

/**
 * One report the reports page shows and exports. Implementations are Spring beans, ordered by
 * {@code @Order}; each sums its numbers within {@link ReportContext#scope()} and the semester, so a
 * viewer never sees more than their role allows.
 */
interface ReportDefinition {

    /** Stable, used in URLs ({@code /api/reports/{id}.csv}): lower case and hyphens. */
    String id();

    ReportTable compute(ReportContext context);
}
