/**
 * Usage reports: who viewed, downloaded and contributed what, per school, subject, grade and month,
 * within a semester and within what the viewer's role may see; as a page with charts, JSON, CSV,
 * XLSX and the per-semester alliance report as PDF. Each report is a {@link
 * org.lessoncommons.web.reports.ReportDefinition} bean, so loans or observation sessions add theirs
 * beside these.
 */
@NullMarked
package org.lessoncommons.web.reports;

import org.jspecify.annotations.NullMarked;
