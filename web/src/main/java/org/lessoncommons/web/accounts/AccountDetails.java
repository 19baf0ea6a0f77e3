package org.lessoncommons.web.accounts;

import java.util.List;
import java.util.Locale;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Accounts;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Accounts as Spring Security sees them: username, bcrypt hash, role, enabled. */
final class AccountDetails implements UserDetailsService {

    private final Accounts accounts;

    AccountDetails(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account account = accounts.findByUsername(normalise(username))
                .filter(a -> a.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("No account " + username));
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .disabled(!account.enabled())
                .authorities(List.of(
                        new SimpleGrantedAuthority("ROLE_" + account.role().name())))
                .build();
    }

    /** Usernames are kept lower case, so 张老师 types Li.Hua or li.hua alike. */
    static String normalise(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
