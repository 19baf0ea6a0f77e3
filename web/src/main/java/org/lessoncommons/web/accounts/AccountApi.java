package org.lessoncommons.web.accounts;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.AuditEvent;
import org.lessoncommons.storage.AuditLog;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in account, and account administration: school admins invite and manage their
 * teachers, alliance admins the accounts of their member schools, system admins everyone.
 */
@RestController
class AccountApi {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final Viewers viewers;
    private final Accounts accounts;
    private final Schools schools;
    private final Passwords passwords;
    private final Audit audit;
    private final AuditLog auditLog;

    AccountApi(
            Viewers viewers, Accounts accounts, Schools schools, Passwords passwords, Audit audit, AuditLog auditLog) {
        this.viewers = viewers;
        this.accounts = accounts;
        this.schools = schools;
        this.passwords = passwords;
        this.audit = audit;
        this.auditLog = auditLog;
    }

    record AccountView(
            UUID id,
            String username,
            String displayName,
            Role role,
            UUID schoolId,
            String schoolName,
            boolean enabled,
            Instant createdAt) {}

    record Invited(AccountView account, String oneTimePassword) {}

    record Invitation(
            @Nullable String username,
            @Nullable String displayName,
            @Nullable String role,
            @Nullable UUID schoolId) {}

    record Change(
            @Nullable String displayName,
            @Nullable String role,
            @Nullable Boolean enabled) {}

    record PasswordChange(
            @Nullable String currentPassword, @Nullable String newPassword) {}

    /** For API clients: the token to send back as {@code X-XSRF-TOKEN} on unsafe requests. */
    @GetMapping("/api/csrf")
    CsrfToken csrf(CsrfToken token) {
        return token;
    }

    @GetMapping("/api/me")
    AccountView me() {
        Viewer viewer = viewers.current();
        return view(accounts.findById(viewer.accountId()).orElseThrow());
    }

    @PostMapping("/api/me/password")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChange change) {
        Viewer viewer = viewers.current();
        Account account = accounts.findById(viewer.accountId()).orElseThrow();
        if (change.currentPassword() == null
                || account.passwordHash() == null
                || !passwords.matches(change.currentPassword(), account.passwordHash())) {
            throw new AccountProblem("currentPassword", "当前密码不正确");
        }
        String chosen = change.newPassword() == null ? "" : change.newPassword();
        String problem = Passwords.problem(chosen);
        if (!problem.isEmpty()) {
            throw new AccountProblem("newPassword", problem);
        }
        accounts.save(account.with(account.role(), passwords.hash(chosen), account.enabled()));
        audit.record(viewer, "account.password", account.schoolId(), "account", account.id(), "");
        return ResponseEntity.noContent().build();
    }

    /** The accounts of one school (default: the viewer's own), for its administrators. */
    @GetMapping("/api/accounts")
    List<AccountView> list(@RequestParam(name = "school", required = false) @Nullable UUID schoolId) {
        Viewer viewer = viewers.current();
        School school = administered(viewer, schoolId == null ? viewer.schoolId() : schoolId);
        return accounts.findBySchoolIdOrderByUsername(school.id()).stream()
                .map(this::view)
                .toList();
    }

    /** Creates an account with a one-time password, shown once, that the new teacher changes. */
    @PostMapping("/api/accounts")
    @Transactional
    ResponseEntity<Invited> invite(@RequestBody Invitation invitation) {
        Viewer viewer = viewers.current();
        School school = administered(viewer, invitation.schoolId() == null ? viewer.schoolId() : invitation.schoolId());
        String username = AccountDetails.normalise(invitation.username() == null ? "" : invitation.username());
        if (!USERNAME.matcher(username).matches()) {
            throw new AccountProblem("username", "用户名须为 2–64 个小写字母、数字或 . _ -，以字母或数字开头");
        }
        if (accounts.existsByUsername(username)) {
            throw new AccountProblem("username", "用户名 " + username + " 已被使用");
        }
        String displayName =
                invitation.displayName() == null ? "" : invitation.displayName().strip();
        if (displayName.isEmpty() || displayName.length() > 100) {
            throw new AccountProblem("displayName", "请填写 1–100 个字的姓名");
        }
        Role role = role(viewer, invitation.role() == null ? "TEACHER" : invitation.role());
        String oneTime = passwords.oneTime();
        Account created = accounts.save(Account.of(school, username, displayName, role, viewer.accountId())
                .with(role, passwords.hash(oneTime), true));
        audit.record(viewer, "account.create", school.id(), "account", created.id(), username + " " + role);
        return ResponseEntity.created(URI.create("/api/accounts/" + created.id()))
                .body(new Invited(view(created), oneTime));
    }

    @PatchMapping("/api/accounts/{id}")
    AccountView change(@PathVariable UUID id, @RequestBody Change change) {
        Viewer viewer = viewers.current();
        Account account = administeredAccount(viewer, id);
        if (account.id().equals(viewer.accountId()) && (change.role() != null || change.enabled() != null)) {
            throw new Forbidden("不能修改自己的角色或停用自己的账号");
        }
        Role role = change.role() == null ? account.role() : role(viewer, change.role());
        if (!viewer.mayGrant(account.role())) {
            throw new Forbidden("不能修改比自己权限更高的账号");
        }
        boolean enabled = change.enabled() == null ? account.enabled() : change.enabled();
        String displayName =
                change.displayName() == null || change.displayName().isBlank()
                        ? account.displayName()
                        : change.displayName().strip();
        Account changed = accounts.save(new Account(
                account.id(),
                account.schoolId(),
                account.username(),
                displayName,
                role,
                account.passwordHash(),
                account.createdAt(),
                enabled,
                account.invitedBy(),
                account.version()));
        if (role != account.role()) {
            audit.record(viewer, "account.role", account.schoolId(), "account", id, account.role() + " → " + role);
        }
        if (enabled != account.enabled()) {
            audit.record(viewer, enabled ? "account.enable" : "account.disable", account.schoolId(), "account", id, "");
        }
        return view(changed);
    }

    /** A new one-time password for a teacher who forgot theirs. */
    @PostMapping("/api/accounts/{id}/password-reset")
    Invited resetPassword(@PathVariable UUID id) {
        Viewer viewer = viewers.current();
        Account account = administeredAccount(viewer, id);
        if (!viewer.mayGrant(account.role())) {
            throw new Forbidden("不能重置比自己权限更高的账号的密码");
        }
        String oneTime = passwords.oneTime();
        Account changed = accounts.save(account.with(account.role(), passwords.hash(oneTime), account.enabled()));
        audit.record(viewer, "account.password-reset", account.schoolId(), "account", id, "");
        return new Invited(view(changed), oneTime);
    }

    /** The audit log as far as the viewer administers: their school, their alliance, or all. */
    @GetMapping("/api/audit")
    List<AuditEvent> auditLog(
            @RequestParam(name = "action", required = false) @Nullable String action,
            @RequestParam(name = "limit", defaultValue = "100") int limit) {
        Viewer viewer = viewers.current();
        int bounded = Math.clamp(limit, 1, 1000);
        return switch (viewer.role()) {
            case TEACHER -> throw new Forbidden("只有管理员可以查看操作日志");
            case SCHOOL_ADMIN -> auditLog.recent(viewer.schoolId(), action, bounded);
            case ALLIANCE_ADMIN -> auditLog.recentInAlliance(viewer.allianceId(), action, bounded);
            case SYSTEM_ADMIN -> auditLog.recent(null, action, bounded);
        };
    }

    private School administered(Viewer viewer, UUID schoolId) {
        School school = schools.findById(schoolId).orElseThrow(() -> new AccountProblem("schoolId", "没有这所学校"));
        if (!viewer.administers(school)) {
            throw new Forbidden("只有本校管理员可以管理本校账号");
        }
        return school;
    }

    private Account administeredAccount(Viewer viewer, UUID id) {
        Account account = accounts.findById(id).orElseThrow(() -> new AccountNotFound(id));
        School school = schools.findById(account.schoolId()).orElseThrow();
        if (!viewer.administers(school)) {
            // Not a hint that the account exists.
            throw new AccountNotFound(id);
        }
        return account;
    }

    private static Role role(Viewer viewer, String requested) {
        Role role;
        try {
            role = Role.valueOf(requested.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AccountProblem("role", "未知的角色: " + requested);
        }
        if (!viewer.mayGrant(role)) {
            throw new Forbidden("不能授予比自己更高的角色: " + role);
        }
        return role;
    }

    private AccountView view(Account a) {
        return new AccountView(
                a.id(),
                a.username(),
                a.displayName(),
                a.role(),
                a.schoolId(),
                schools.findById(a.schoolId()).map(School::name).orElse(""),
                a.enabled(),
                a.createdAt());
    }
}
