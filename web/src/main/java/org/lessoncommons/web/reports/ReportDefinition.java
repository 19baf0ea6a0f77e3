package org.lessoncommons.web.reports;

/**
 * One report the reports page shows and exports. Implementations are Spring beans, ordered by
 * {@code @Order}; each sums its numbers within {@link ReportContext#scope()} and the semester, so a
 * viewer never sees more than their role allows.
 *
 * <p>Another feature adds a report (loans per school and month, sessions hosted and attended …) by
 * declaring a {@code @Component @Order(n)} implementing this in its own package: its SQL takes
 * {@code context.scope().usage()} (account, school, alliance ids, each null for "any") and {@code
 * context.from()}/{@code to()}, its words come from its own messages bundle through {@code
 * context.word(key)}. The page, JSON, CSV and XLSX pick it up with no other change; a line on each
 * school's page of the alliance PDF comes from a {@link SchoolIndicators} bean.
 */
public interface ReportDefinition {

    /** Stable, used in URLs ({@code /api/reports/{id}.csv}): lower case and hyphens. */
    String id();

    ReportTable compute(ReportContext context);
}
