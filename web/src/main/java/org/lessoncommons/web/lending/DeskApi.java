package org.lessoncommons.web.lending;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.ingest.lending.ImportReport;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.lending.LendingProperties;
import org.lessoncommons.storage.lending.Transfer;
import org.lessoncommons.web.accounts.Viewer;
import org.lessoncommons.web.accounts.Viewers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A school's lending desk: its lists, overdue loans and reminders, transfers and the holdings import. */
@RestController
@RequestMapping("/api/lending")
class DeskApi {

    private final Viewers viewers;
    private final Lending lending;
    private final LendingViews views;
    private final LendingAccess access;
    private final LendingProperties properties;

    DeskApi(Viewers viewers, Lending lending, LendingViews views, LendingAccess access, LendingProperties properties) {
        this.viewers = viewers;
        this.lending = lending;
        this.views = views;
        this.access = access;
        this.properties = properties;
    }

    record TransferRequest(
            @Nullable UUID toSchoolId, @Nullable String note) {}

    /** Requests to decide, approved loans to hand over, loans out, overdue and due soon. */
    @GetMapping("/desk")
    LendingViews.Desk desk(@RequestParam(required = false) @Nullable UUID school) {
        Viewer viewer = viewers.current();
        return views.desk(school == null ? viewer.schoolId() : school, viewer);
    }

    @GetMapping("/overdue")
    List<LoanView> overdue(@RequestParam(required = false) @Nullable UUID school) {
        Scope scope = scope(school, viewers.current());
        return views.overdue(scope.school(), scope.alliance());
    }

    /** Who must return what by when: overdue loans and those due within {@code days}. */
    @GetMapping("/reminders")
    List<LoanView> reminders(
            @RequestParam(required = false) @Nullable UUID school,
            @RequestParam(required = false) @Nullable Integer days) {
        int ahead = days == null ? properties.reminderDays() : days;
        if (ahead < 0 || ahead > 60) {
            throw new InvalidLendingField("days", "提醒天数应在 0 到 60 之间");
        }
        Scope scope = scope(school, viewers.current());
        return views.reminders(scope.school(), scope.alliance(), ahead);
    }

    /** Moves a copy nobody has requested to another school's shelf of the alliance (漂流). */
    @PostMapping("/copies/{id}/transfer")
    ResponseEntity<Transfer> transfer(@PathVariable UUID id, @RequestBody TransferRequest body) {
        if (body.toSchoolId() == null) {
            throw new InvalidLendingField("toSchoolId", "请指定转到哪所学校（toSchoolId）");
        }
        String note = body.note() == null ? "" : body.note().strip();
        if (note.length() > 500) {
            throw new InvalidLendingField("note", "备注不能超过 500 字");
        }
        Transfer transfer = lending.transfer(viewers.current(), id, body.toSchoolId(), note);
        return ResponseEntity.status(HttpStatus.CREATED).body(transfer);
    }

    /** A CSV (UTF-8 or GBK) or Excel sheet, one copy per row; 200 with what happened to each row. */
    @PostMapping("/imports")
    ImportReport importHoldings(
            @RequestParam("file") MultipartFile file, @RequestParam(required = false) @Nullable UUID schoolId) {
        return lending.importHoldings(viewers.current(), schoolId, file);
    }

    /** One school's desk (default: the viewer's), or an alliance administrator's whole alliance. */
    private Scope scope(@Nullable UUID school, Viewer viewer) {
        if (school == null && (viewer.role() == Role.ALLIANCE_ADMIN || viewer.role() == Role.SYSTEM_ADMIN)) {
            return new Scope(null, LendingAccess.catalogOf(viewer));
        }
        return new Scope(access.deskSchool(school, viewer).id(), null);
    }

    private record Scope(@Nullable UUID school, @Nullable UUID alliance) {}
}
