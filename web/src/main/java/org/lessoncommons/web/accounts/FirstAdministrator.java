package org.lessoncommons.web.accounts;

import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliance;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.School.Membership;
import org.lessoncommons.storage.Schools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a new installation nobody can sign in: creates the system administrator {@code admin} with
 * the password from {@code lessoncommons.security.admin-password}, or a random one printed once in
 * the log. Runs after the demo seed, which brings its own accounts.
 */
@Component
@Order(100)
class FirstAdministrator implements ApplicationRunner {

    static final String USERNAME = "admin";

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Accounts accounts;
    private final Alliances alliances;
    private final Schools schools;
    private final Passwords passwords;
    private final @Nullable String configuredPassword;

    FirstAdministrator(
            Accounts accounts,
            Alliances alliances,
            Schools schools,
            Passwords passwords,
            @Value("${lessoncommons.security.admin-password:}") @Nullable String configuredPassword) {
        this.accounts = accounts;
        this.alliances = alliances;
        this.schools = schools;
        this.passwords = passwords;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyCanSignIn() || accounts.existsByUsername(USERNAME)) {
            return;
        }
        School home = schools.findAll().stream().findFirst().orElseGet(() -> {
            Alliance alliance =
                    alliances.findAll().stream().findFirst().orElseGet(() -> alliances.save(Alliance.named("我的教育联盟")));
            return schools.save(School.of(alliance, "联盟管理中心", Membership.CORE));
        });
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? passwords.oneTime() : configuredPassword;
        accounts.save(Account.of(home, USERNAME, "系统管理员", Role.SYSTEM_ADMIN, null)
                .with(Role.SYSTEM_ADMIN, passwords.hash(password), true));
        if (generated) {
            log.warn(
                    "Created the system administrator '{}' with the one-time password {} – sign in and change it (set lessoncommons.security.admin-password to choose it instead)",
                    USERNAME,
                    password);
        } else {
            log.info("Created the system administrator '{}' with the configured password", USERNAME);
        }
    }
}
