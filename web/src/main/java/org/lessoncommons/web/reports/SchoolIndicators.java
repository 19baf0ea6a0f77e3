package org.lessoncommons.web.reports;

import java.util.List;
import org.lessoncommons.storage.School;

/**
 * Lines of a school's page in the per-semester alliance report (捆绑考核). Beans of this type are
 * listed in {@code @Order}: usage now; loans and observation sessions add their own.
 */
public interface SchoolIndicators {

    record Indicator(String label, String value) {}

    List<Indicator> of(School school, ReportContext context);
}
