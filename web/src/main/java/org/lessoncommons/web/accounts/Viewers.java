package org.lessoncommons.web.accounts;

import java.util.Optional;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.springframework.data.relational.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The signed-in viewer of the current request. Every request asks, so a viewer read from the
 * database is kept for a few seconds; any change to an account or a school saved by this instance
 * drops what is kept once it commits, so that a role change or a disabled account takes effect on
 * the next request (within {@link RecentReads#FRESH} for changes made by another instance).
 */
@Component
public class Viewers {

    private static final String ATTRIBUTE = Viewers.class.getName();

    private final Accounts accounts;
    private final Schools schools;
    private final RecentReads<String, Viewer> kept = new RecentReads<>();

    Viewers(Accounts accounts, Schools schools) {
        this.accounts = accounts;
        this.schools = schools;
    }

    public Viewer current() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("请先登录"));
    }

    /** Looked up once per request (pages, their model and the API they call all ask). */
    public Optional<Viewer> find() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return lookUp();
        }
        Object cached = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (cached instanceof Viewer viewer) {
            return Optional.of(viewer);
        }
        Optional<Viewer> found = lookUp();
        found.ifPresent(viewer -> request.setAttribute(ATTRIBUTE, viewer, RequestAttributes.SCOPE_REQUEST));
        return found;
    }

    private Optional<Viewer> lookUp() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return kept.get(
                authentication.getName(),
                username -> accounts.findByUsername(username)
                        .filter(account -> account.enabled())
                        .flatMap(account ->
                                schools.findById(account.schoolId()).map(school -> Viewer.of(account, school))));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void saved(AfterSaveEvent<?> event) {
        forget(event.getType());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void deleted(AfterDeleteEvent<?> event) {
        forget(event.getType());
    }

    private void forget(Class<?> changed) {
        if (changed == Account.class || changed == School.class) {
            kept.forgetAll();
        }
    }
}
