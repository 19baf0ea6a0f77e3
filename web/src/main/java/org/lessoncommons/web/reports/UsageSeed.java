package org.lessoncommons.web.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.Materials;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.usage.UsageEvent;
import org.lessoncommons.storage.usage.UsageEvent.Kind;
import org.lessoncommons.storage.usage.UsageEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo usage for the reports page: after the demo alliance is seeded (DemoSeed, order 10), its
 * teachers view and download each other's materials on school days of this semester so far, the
 * same every time (a fixed random seed). Runs only while there are no usage events yet, so a restart
 * or real use never adds more.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("lessoncommons.seed.enabled")
class UsageSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UsageSeed.class);

    private final UsageEvents events;
    private final Materials materials;
    private final Schools schools;
    private final Accounts accounts;
    private final ReportSettings settings;

    UsageSeed(UsageEvents events, Materials materials, Schools schools, Accounts accounts, ReportSettings settings) {
        this.events = events;
        this.materials = materials;
        this.schools = schools;
        this.accounts = accounts;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Material> library =
                materials.findAll().stream().filter(m -> !m.isDeleted()).toList();
        if (library.isEmpty() || events.count() > 0) {
            return;
        }
        Random random = new Random(2026);
        List<UsageEvent> seeded = new ArrayList<>();
        for (School school : schools.findAll()) {
            List<Material> others = library.stream()
                    .filter(m -> !m.schoolId().equals(school.id()))
                    .toList();
            for (Account account : accounts.findBySchoolIdOrderByUsername(school.id())) {
                for (int i = 0; i < 6 + random.nextInt(14) && !others.isEmpty(); i++) {
                    Material material = others.get(random.nextInt(others.size()));
                    Kind kind = random.nextInt(3) == 0 ? Kind.DOWNLOAD : Kind.VIEW;
                    seeded.add(new UsageEvent(
                            dayThisSemester(random),
                            kind,
                            material.id(),
                            account.id(),
                            school.id(),
                            material.schoolId(),
                            material.subject(),
                            material.grade()));
                }
            }
        }
        events.insertAll(seeded);
        log.info("Seeded {} demo usage events for the reports page", seeded.size());
    }

    /** A moment between the first day of this semester and now. */
    private Instant dayThisSemester(Random random) {
        ZonedDateTime now = ZonedDateTime.now(settings.zone());
        LocalDate first = Semester.of(now.toLocalDate()).firstDay();
        long seconds = Math.max(
                1, now.toEpochSecond() - first.atStartOfDay(settings.zone()).toEpochSecond());
        return now.minusSeconds((long) (random.nextDouble() * seconds)).toInstant();
    }
}
