package org.lessoncommons.web.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.AuditEvent;
import org.lessoncommons.storage.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Writes what a viewer did to the audit log, with the address the request came from. */
@Component
public class Audit {

    private static final Logger log = LoggerFactory.getLogger(Audit.class);

    private final AuditLog auditLog;

    Audit(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /**
     * @param schoolId the school the action concerns (whose admins may read the line)
     */
    public void record(
            @Nullable Viewer viewer,
            String action,
            @Nullable UUID schoolId,
            String targetType,
            @Nullable Object targetId,
            String detail) {
        try {
            auditLog.record(event(viewer, action, schoolId, targetType, targetId, detail));
        } catch (RuntimeException e) {
            // The action itself has happened; a lost audit line must not turn it into an error.
            log.warn("Could not write audit event {} on {} {}: {}", action, targetType, targetId, e.getMessage());
        }
    }

    /**
     * Writes the line inside the caller's transaction, so the step and its line commit together. A
     * failure is thrown, not logged: swallowed, it would leave PostgreSQL's transaction aborted and
     * the step silently rolled back at commit, though already answered as done.
     */
    public void recordWithStep(
            @Nullable Viewer viewer,
            String action,
            @Nullable UUID schoolId,
            String targetType,
            @Nullable Object targetId,
            String detail) {
        auditLog.record(event(viewer, action, schoolId, targetType, targetId, detail));
    }

    private static AuditEvent event(
            @Nullable Viewer viewer,
            String action,
            @Nullable UUID schoolId,
            String targetType,
            @Nullable Object targetId,
            String detail) {
        return new AuditEvent(
                null,
                Instant.now(),
                viewer == null ? null : viewer.accountId(),
                viewer == null ? "" : viewer.username(),
                schoolId,
                action,
                targetType,
                targetId == null ? null : targetId.toString(),
                detail,
                remoteAddress());
    }

    void record(String username, @Nullable UUID accountId, @Nullable UUID schoolId, String action, String detail) {
        try {
            auditLog.record(new AuditEvent(
                    null,
                    Instant.now(),
                    accountId,
                    username,
                    schoolId,
                    action,
                    "account",
                    null,
                    detail,
                    remoteAddress()));
        } catch (RuntimeException e) {
            log.warn("Could not write audit event {} for {}: {}", action, username, e.getMessage());
        }
    }

    static @Nullable String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
