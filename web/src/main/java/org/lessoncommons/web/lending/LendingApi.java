package org.lessoncommons.web.lending;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.ingest.lending.HoldingsImport;
import org.lessoncommons.ingest.lending.ImportReport;
import org.lessoncommons.search.catalog.CatalogIndex;
import org.lessoncommons.search.catalog.CatalogQuery;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.lending.Hold;
import org.lessoncommons.storage.lending.HoldLine;
import org.lessoncommons.storage.lending.LendingProperties;
import org.lessoncommons.storage.lending.LendingQueries;
import org.lessoncommons.storage.lending.LoanLine;
import org.lessoncommons.storage.lending.Transfer;
import org.lessoncommons.storage.lending.Transfers;
import org.lessoncommons.web.accounts.Audit;
import org.lessoncommons.web.accounts.Forbidden;
import org.lessoncommons.web.accounts.Viewer;
import org.lessoncommons.web.accounts.Viewers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The lending library's JSON API. */
@RestController
@RequestMapping("/api/lending")
class LendingApi {

    /** Holdings sheets are small; a bigger file is a mistake (a photo, a whole backup). */
    static final long MAX_IMPORT_BYTES = 10L * 1024 * 1024;

    private final Viewers viewers;
    private final Lending lending;
    private final LendingViews views;
    private final LendingAccess access;
    private final LendingQueries queries;
    private final CatalogIndex catalog;
    private final HoldingsImport holdingsImport;
    private final Transfers transfers;
    private final LendingProperties properties;
    private final Audit audit;

    LendingApi(
            Viewers viewers,
            Lending lending,
            LendingViews views,
            LendingAccess access,
            LendingQueries queries,
            CatalogIndex catalog,
            HoldingsImport holdingsImport,
            Transfers transfers,
            LendingProperties properties,
            Audit audit) {
        this.viewers = viewers;
        this.lending = lending;
        this.views = views;
        this.access = access;
        this.queries = queries;
        this.catalog = catalog;
        this.holdingsImport = holdingsImport;
        this.transfers = transfers;
        this.properties = properties;
        this.audit = audit;
    }

    record LoanRequest(@Nullable UUID copyId) {}

    record HoldRequest(@Nullable UUID titleId) {}

    record CheckOut(@Nullable LocalDate dueOn) {}

    record TransferRequest(
            @Nullable UUID toSchoolId, @Nullable String note) {}

    record Returned(LoanView loan, @Nullable LoanView offeredTo) {}

    @GetMapping("/catalog")
    LendingViews.Catalog search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) List<String> kind,
            @RequestParam(required = false) List<String> school,
            @RequestParam(required = false) List<String> availability,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Viewer viewer = viewers.current();
        UUID alliance = LendingAccess.catalogOf(viewer);
        CatalogQuery query = new CatalogQuery(
                q,
                alliance == null ? null : alliance.toString(),
                CatalogFilters.kinds(kind),
                CatalogFilters.schools(school),
                CatalogFilters.availability(availability),
                page,
                size);
        return new LendingViews.Catalog(catalog.search(query), views.schoolNames(alliance));
    }

    @GetMapping("/titles/{id}")
    TitleView title(@PathVariable UUID id) {
        return views.title(id, viewers.current());
    }

    @PostMapping("/loans")
    ResponseEntity<LoanView> request(@RequestBody LoanRequest body) {
        if (body.copyId() == null) {
            throw new InvalidLendingField("copyId", "请指定要借的藏品（copyId）");
        }
        Viewer viewer = viewers.current();
        LoanView loan = view(lending.request(viewer, body.copyId()));
        return ResponseEntity.created(URI.create("/api/lending/loans/" + loan.id()))
                .body(loan);
    }

    @GetMapping("/loans/mine")
    List<LoanView> myLoans() {
        return views.loansOf(viewers.current());
    }

    @GetMapping("/loans/{id}")
    LoanView loan(@PathVariable UUID id) {
        return views.loan(id, viewers.current());
    }

    @PostMapping("/loans/{id}/approve")
    LoanView approve(@PathVariable UUID id) {
        return view(lending.approve(viewers.current(), id));
    }

    @PostMapping("/loans/{id}/reject")
    LoanView reject(@PathVariable UUID id) {
        return view(lending.reject(viewers.current(), id));
    }

    @PostMapping("/loans/{id}/cancel")
    LoanView cancel(@PathVariable UUID id) {
        return view(lending.cancel(viewers.current(), id));
    }

    @PostMapping("/loans/{id}/checkout")
    LoanView checkOut(@PathVariable UUID id, @RequestBody(required = false) @Nullable CheckOut body) {
        return view(lending.checkOut(viewers.current(), id, body == null ? null : body.dueOn()));
    }

    @PostMapping("/loans/{id}/renew")
    LoanView renew(@PathVariable UUID id) {
        return view(lending.renew(viewers.current(), id));
    }

    @PostMapping("/loans/{id}/return")
    Returned checkIn(@PathVariable UUID id) {
        Lending.Returned returned = lending.checkIn(viewers.current(), id);
        return new Returned(view(returned.loan()), returned.offeredTo() == null ? null : view(returned.offeredTo()));
    }

    @PostMapping("/holds")
    ResponseEntity<HoldLine> placeHold(@RequestBody HoldRequest body) {
        if (body.titleId() == null) {
            throw new InvalidLendingField("titleId", "请指定要预约的书目（titleId）");
        }
        Viewer viewer = viewers.current();
        Hold hold = lending.placeHold(viewer, body.titleId());
        return ResponseEntity.created(URI.create("/api/lending/holds/" + hold.id()))
                .body(holdLine(viewer, hold.id()));
    }

    @GetMapping("/holds/mine")
    List<HoldLine> myHolds() {
        return queries.holdsOf(viewers.current().accountId());
    }

    @DeleteMapping("/holds/{id}")
    HoldLine cancelHold(@PathVariable UUID id) {
        Viewer viewer = viewers.current();
        lending.cancelHold(viewer, id);
        return holdLine(viewer, id);
    }

    /** The waiting queue of a title, first first: for the desks of the alliance. */
    @GetMapping("/titles/{id}/holds")
    List<HoldLine> queue(@PathVariable UUID id) {
        Viewer viewer = viewers.current();
        access.title(id, viewer);
        if (!viewer.isAdmin()) {
            throw new Forbidden("只有管理员可以查看预约队列");
        }
        return queries.queueOf(id);
    }

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

    /** The journey of a copy from shelf to shelf, oldest first. */
    @GetMapping("/copies/{id}/transfers")
    List<Transfer> journey(@PathVariable UUID id) {
        access.copy(id, viewers.current());
        return transfers.findByCopyIdOrderByMovedAt(id);
    }

    @GetMapping("/desk")
    LendingViews.Desk desk(@RequestParam(required = false) @Nullable UUID school) {
        Viewer viewer = viewers.current();
        return views.desk(school == null ? viewer.schoolId() : school, viewer);
    }

    @GetMapping("/overdue")
    List<LoanView> overdue(@RequestParam(required = false) @Nullable UUID school) {
        Viewer viewer = viewers.current();
        Scope scope = scope(school, viewer);
        return views.overdue(scope.school(), scope.alliance());
    }

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

    @PostMapping("/imports")
    ImportReport importHoldings(
            @RequestParam("file") MultipartFile file, @RequestParam(required = false) @Nullable UUID schoolId) {
        Viewer viewer = viewers.current();
        School school = access.deskSchool(schoolId, viewer);
        if (!viewer.administers(school)) {
            throw new Forbidden("只有本校管理员可以导入本校藏书和器材");
        }
        if (file.isEmpty()) {
            throw new InvalidLendingField("file", "请选择要导入的 CSV 或 Excel 文件");
        }
        if (file.getSize() > MAX_IMPORT_BYTES) {
            throw new InvalidLendingField("file", "文件超过 10 MB：一次导入的藏品清单不应这么大");
        }
        ImportReport report;
        try {
            report = holdingsImport.importFile(
                    file.getOriginalFilename() == null ? "holdings" : file.getOriginalFilename(),
                    file.getBytes(),
                    school.id(),
                    school.allianceId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(
                viewer,
                "catalog.import",
                school.id(),
                "school",
                school.id(),
                report.fileName() + ": " + report.added() + " added, " + report.failed() + " failed");
        return report;
    }

    /** A desk's lists: one school's (default: the viewer's), or an alliance administrator's whole alliance. */
    private Scope scope(@Nullable UUID school, Viewer viewer) {
        if (school == null && (viewer.role() == Role.ALLIANCE_ADMIN || viewer.role() == Role.SYSTEM_ADMIN)) {
            return new Scope(null, LendingAccess.catalogOf(viewer));
        }
        return new Scope(access.deskSchool(school, viewer).id(), null);
    }

    private record Scope(@Nullable UUID school, @Nullable UUID alliance) {}

    private HoldLine holdLine(Viewer viewer, UUID holdId) {
        return queries.holdsOf(viewer.accountId()).stream()
                .filter(h -> h.holdId().equals(holdId))
                .findFirst()
                .orElseThrow();
    }

    private LoanView view(LoanLine line) {
        return views.view(line);
    }

    /** Facet selections from the query string, checked. */
    static final class CatalogFilters {

        private CatalogFilters() {}

        static Set<String> kinds(@Nullable List<String> values) {
            return values(values).stream()
                    .map(value -> switch (value.toUpperCase(Locale.ROOT)) {
                        case "BOOK", "图书" -> "BOOK";
                        case "EQUIPMENT", "器材" -> "EQUIPMENT";
                        default -> throw new InvalidLendingField("kind", "类型应为 BOOK（图书）或 EQUIPMENT（器材）");
                    })
                    .collect(Collectors.toSet());
        }

        static Set<String> availability(@Nullable List<String> values) {
            return values(values).stream()
                    .map(value -> switch (value.toUpperCase(Locale.ROOT)) {
                        case "AVAILABLE" -> CatalogQuery.AVAILABLE;
                        case "ON_LOAN" -> CatalogQuery.ON_LOAN;
                        default -> throw new InvalidLendingField("availability", "可借状态应为 AVAILABLE 或 ON_LOAN");
                    })
                    .collect(Collectors.toSet());
        }

        static Set<String> schools(@Nullable List<String> values) {
            return values(values).stream()
                    .map(value -> {
                        try {
                            return UUID.fromString(value).toString();
                        } catch (IllegalArgumentException e) {
                            throw new InvalidLendingField("school", "学校应以 id 指定");
                        }
                    })
                    .collect(Collectors.toSet());
        }

        private static List<String> values(@Nullable List<String> values) {
            return values == null
                    ? List.of()
                    : values.stream().filter(v -> !v.isBlank()).toList();
        }
    }
}
