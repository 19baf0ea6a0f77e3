package org.lessoncommons.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lessoncommons.ingest.Ingestion;
import org.lessoncommons.ingest.Upload;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.Grade;
import org.lessoncommons.storage.ResourceType;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.School.Membership;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.Subject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On an empty database, creates a demo alliance with four schools and uploads a handful of real
 * Chinese teaching documents (made by LibreOffice, see fixtures/), so a newcomer can search at once.
 * Every school gets a teacher ({@code teacher1} …) and an administrator ({@code admin1} …), the
 * alliance an administrator ({@code alliance}), all with the password {@code
 * lessoncommons.seed.password} ({@code demo2026}).
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("lessoncommons.seed.enabled")
class DemoSeed implements ApplicationRunner {

    static final String ALLIANCE = "城南教育联盟";
    static final List<String> SCHOOLS = List.of("城南实验小学", "城南第二小学", "城南中学", "育英初级中学");

    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    private final Alliances alliances;
    private final Schools schools;
    private final Accounts accounts;
    private final Ingestion ingestion;
    private final PasswordEncoder passwordEncoder;
    private final String password;

    DemoSeed(
            Alliances alliances,
            Schools schools,
            Accounts accounts,
            Ingestion ingestion,
            PasswordEncoder passwordEncoder,
            @Value("${lessoncommons.seed.password:demo2026}") String password) {
        this.passwordEncoder = passwordEncoder;
        this.password = password;
        this.alliances = alliances;
        this.schools = schools;
        this.accounts = accounts;
        this.ingestion = ingestion;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (alliances.count() > 0) {
            return;
        }
        Alliance alliance = alliances.save(Alliance.named(ALLIANCE));
        List<School> members = SCHOOLS.stream()
                .map(name -> schools.save(School.of(
                        alliance, name, name.equals(SCHOOLS.getFirst()) ? Membership.CORE : Membership.MEMBER)))
                .toList();
        String hash = passwordEncoder.encode(password);
        List<Account> teachers = new java.util.ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            School school = members.get(i);
            teachers.add(accounts.save(Account.of(school, "teacher" + (i + 1), school.name() + "教师", Role.TEACHER, null)
                    .with(Role.TEACHER, hash, true)));
            accounts.save(Account.of(school, "admin" + (i + 1), school.name() + "管理员", Role.SCHOOL_ADMIN, null)
                    .with(Role.SCHOOL_ADMIN, hash, true));
        }
        accounts.save(Account.of(members.getFirst(), "alliance", ALLIANCE + "管理员", Role.ALLIANCE_ADMIN, null)
                .with(Role.ALLIANCE_ADMIN, hash, true));
        int uploaded = 0;
        for (String[] row : manifest()) {
            uploaded += upload(row, members, teachers) ? 1 : 0;
        }
        log.info(
                "Seeded the demo alliance {} with {} schools and {} materials; sign in as teacher1, admin1 or alliance with the demo password",
                ALLIANCE,
                members.size(),
                uploaded);
    }

    /** Columns: file, title, subject, grade, type, school index, description. */
    private boolean upload(String[] row, List<School> members, List<Account> teachers) {
        int school = Integer.parseInt(row[5].strip()) % members.size();
        ClassPathResource file = new ClassPathResource("seed/" + row[0]);
        if (!file.exists()) {
            log.warn("Seed file {} is missing", row[0]);
            return false;
        }
        try (InputStream content = file.getInputStream()) {
            ingestion.accept(new Upload(
                    row[0],
                    content,
                    members.get(school).id(),
                    teachers.get(school).id(),
                    row[1],
                    row.length > 6 ? row[6] : "",
                    Subject.parse(row[2]).orElse(Subject.OTHER),
                    Grade.parse(row[3]).orElseThrow(),
                    ResourceType.parse(row[4]).orElse(ResourceType.OTHER)));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String[]> manifest() {
        ClassPathResource tsv = new ClassPathResource("seed/seed.tsv");
        if (!tsv.exists()) {
            return List.of();
        }
        try (var reader = new BufferedReader(new InputStreamReader(tsv.getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("file\t"))
                    .map(line -> line.split("\t"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
