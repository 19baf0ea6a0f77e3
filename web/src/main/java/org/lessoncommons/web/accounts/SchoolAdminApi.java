package org.lessoncommons.web.accounts;

import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.School.Membership;
import org.lessoncommons.storage.Schools;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Alliance admins add member schools and say which is 核心校 (CORE) and which 成员校 (MEMBER). */
@RestController
class SchoolAdminApi {

    private final Viewers viewers;
    private final Schools schools;
    private final Alliances alliances;
    private final Audit audit;

    SchoolAdminApi(Viewers viewers, Schools schools, Alliances alliances, Audit audit) {
        this.viewers = viewers;
        this.schools = schools;
        this.alliances = alliances;
        this.audit = audit;
    }

    record NewSchool(
            @Nullable String name,
            @Nullable String membership,
            @Nullable UUID allianceId) {}

    record SchoolChange(@Nullable String name, @Nullable String membership) {}

    record SchoolView(UUID id, UUID allianceId, String name, Membership membership) {
        static SchoolView of(School s) {
            return new SchoolView(s.id(), s.allianceId(), s.name(), s.membership());
        }
    }

    @PostMapping("/api/schools")
    ResponseEntity<SchoolView> add(@RequestBody NewSchool request) {
        Viewer viewer = allianceAdmin();
        UUID allianceId = viewer.role() == Role.SYSTEM_ADMIN && request.allianceId() != null
                ? request.allianceId()
                : viewer.allianceId();
        var alliance = alliances.findById(allianceId).orElseThrow(() -> new AccountProblem("allianceId", "没有这个联盟"));
        School school = School.of(alliance, name(request.name()), membership(request.membership()));
        try {
            school = schools.save(school);
        } catch (DuplicateKeyException e) {
            throw new AccountProblem("name", "联盟里已有名为 " + school.name() + " 的学校");
        }
        audit.record(viewer, "school.create", school.id(), "school", school.id(), school.name());
        return ResponseEntity.created(URI.create("/api/schools/" + school.id())).body(SchoolView.of(school));
    }

    @PatchMapping("/api/schools/{id}")
    SchoolView change(@PathVariable UUID id, @RequestBody SchoolChange change) {
        Viewer viewer = allianceAdmin();
        School school = schools.findById(id)
                .filter(s ->
                        viewer.role() == Role.SYSTEM_ADMIN || s.allianceId().equals(viewer.allianceId()))
                .orElseThrow(() -> new AccountProblem("id", "联盟里没有这所学校"));
        School changed = schools.save(new School(
                school.id(),
                school.allianceId(),
                change.name() == null ? school.name() : name(change.name()),
                change.membership() == null ? school.membership() : membership(change.membership()),
                school.createdAt(),
                school.version()));
        audit.record(viewer, "school.change", school.id(), "school", id, changed.name() + " " + changed.membership());
        return SchoolView.of(changed);
    }

    private Viewer allianceAdmin() {
        Viewer viewer = viewers.current();
        if (viewer.role() != Role.ALLIANCE_ADMIN && viewer.role() != Role.SYSTEM_ADMIN) {
            throw new Forbidden("只有联盟管理员可以管理成员学校");
        }
        return viewer;
    }

    private static String name(@Nullable String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 200) {
            throw new AccountProblem("name", "请填写 1–200 个字的校名");
        }
        return n;
    }

    private static Membership membership(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Membership.MEMBER;
        }
        return switch (value.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "CORE", "核心校" -> Membership.CORE;
            case "MEMBER", "成员校" -> Membership.MEMBER;
            default -> throw new AccountProblem("membership", "成员类型须为 CORE（核心校）或 MEMBER（成员校）");
        };
    }
}
