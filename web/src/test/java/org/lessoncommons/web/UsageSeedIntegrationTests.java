package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lessoncommons.storage.usage.UsageEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The demo alliance comes with usage, so the reports page has something to show at once. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"lessoncommons.seed.enabled=true", "lessoncommons.embedded.data-dir=target/test-data-seed"})
class UsageSeedIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    UsageEvents events;

    @Autowired
    ApplicationContext context;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Row(String key, List<Object> cells) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Table(List<Row> rows) {}

    @Test
    void theAllianceAdministratorSeesEveryDemoSchoolUsingTheOthers() {
        Table contribution = SignedIn.as(port, "alliance", "demo2026")
                .get()
                .uri("/api/reports/contribution")
                .retrieve()
                .body(Table.class);

        assertThat(contribution.rows())
                .extracting(row -> row.cells().getFirst())
                .containsAll(DemoSeed.SCHOOLS);
        assertThat(contribution.rows())
                .allSatisfy(row ->
                        assertThat(((Number) row.cells().get(4)).longValue()).isPositive());
    }

    @Test
    void seedingAgainAddsNoEvents() throws Exception {
        long before = events.count();

        context.getBean("usageSeed", ApplicationRunner.class).run(new DefaultApplicationArguments());

        assertThat(before).isPositive();
        assertThat(events.count()).isEqualTo(before);
    }
}
