package org.lessoncommons.web.admin;

import org.lessoncommons.ingest.ConsistencyCheck;
import org.lessoncommons.ingest.ConsistencyReport;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.web.accounts.Audit;
import org.lessoncommons.web.accounts.Forbidden;
import org.lessoncommons.web.accounts.Viewer;
import org.lessoncommons.web.accounts.Viewers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The consistency check for system administrators: {@code GET} reports drift between database,
 * object store and index; {@code POST ?repair=true} also repairs what is safe to repair.
 * Everything it reads spans all schools, so no one else may run it.
 */
@RestController
@RequestMapping("/api/admin/consistency")
class ConsistencyApi {

    private final ConsistencyCheck check;
    private final Viewers viewers;
    private final Audit audit;

    ConsistencyApi(ConsistencyCheck check, Viewers viewers, Audit audit) {
        this.check = check;
        this.viewers = viewers;
        this.audit = audit;
    }

    @GetMapping
    ConsistencyReport report(@RequestParam(defaultValue = "false") boolean checksums) {
        systemAdmin();
        return check.check(false, checksums);
    }

    @PostMapping
    ConsistencyReport repair(
            @RequestParam(defaultValue = "false") boolean repair,
            @RequestParam(defaultValue = "false") boolean checksums) {
        Viewer viewer = systemAdmin();
        ConsistencyReport report = check.check(repair, checksums);
        if (repair) {
            audit.record(
                    viewer,
                    "consistency.repair",
                    null,
                    "consistency",
                    null,
                    report.drifts().size() + " drifts");
        }
        return report;
    }

    private Viewer systemAdmin() {
        Viewer viewer = viewers.current();
        if (viewer.role() != Role.SYSTEM_ADMIN) {
            throw new Forbidden("只有系统管理员可以检查存储一致性");
        }
        return viewer;
    }
}
