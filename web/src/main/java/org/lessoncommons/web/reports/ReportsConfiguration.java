package org.lessoncommons.web.reports;

import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.usage.Dimension;
import org.lessoncommons.storage.usage.UsageReports;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The usage breakdowns, one report each; contribution and most-used follow them (@Order 50, 60). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportSettings.class)
class ReportsConfiguration {

    @Bean
    @Order(10)
    ReportDefinition usageBySchool(UsageReports reports, Schools schools) {
        return new UsageBreakdown(Dimension.SCHOOL, reports, schools);
    }

    @Bean
    @Order(20)
    ReportDefinition usageByMonth(UsageReports reports, Schools schools) {
        return new UsageBreakdown(Dimension.MONTH, reports, schools);
    }

    @Bean
    @Order(30)
    ReportDefinition usageBySubject(UsageReports reports, Schools schools) {
        return new UsageBreakdown(Dimension.SUBJECT, reports, schools);
    }

    @Bean
    @Order(40)
    ReportDefinition usageByGrade(UsageReports reports, Schools schools) {
        return new UsageBreakdown(Dimension.GRADE, reports, schools);
    }
}
