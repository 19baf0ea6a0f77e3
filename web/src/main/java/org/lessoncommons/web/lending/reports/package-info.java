/**
 * The lending library's reports (issue #7): loans per school and per month, the titles lent most,
 * copies never borrowed and the overdue rate per lending school, plus each school's loan lines on
 * the alliance PDF. They plug into {@code web.reports} as {@link
 * org.lessoncommons.web.reports.ReportDefinition} and {@link
 * org.lessoncommons.web.reports.SchoolIndicators} beans and sum within the viewer's {@link
 * org.lessoncommons.web.reports.ReportScope} like the usage reports.
 */
@NullMarked
package org.lessoncommons.web.lending.reports;

import org.jspecify.annotations.NullMarked;
