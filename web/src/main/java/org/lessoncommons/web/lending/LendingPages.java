package org.lessoncommons.web.lending;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.ingest.lending.ImportReport;
import org.lessoncommons.search.catalog.CatalogIndex;
import org.lessoncommons.search.catalog.CatalogQuery;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.lending.LendingQueries;
import org.lessoncommons.web.accounts.Viewer;
import org.lessoncommons.web.accounts.Viewers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The lending library's pages: catalog, a title, my loans, the school desk with its import form. */
@Controller
@RequestMapping("/lending")
class LendingPages {

    private final Viewers viewers;
    private final Lending lending;
    private final LendingViews views;
    private final LendingAccess access;
    private final LendingQueries queries;
    private final CatalogIndex catalog;
    private final Schools schools;

    LendingPages(
            Viewers viewers,
            Lending lending,
            LendingViews views,
            LendingAccess access,
            LendingQueries queries,
            CatalogIndex catalog,
            Schools schools) {
        this.viewers = viewers;
        this.lending = lending;
        this.views = views;
        this.access = access;
        this.queries = queries;
        this.catalog = catalog;
        this.schools = schools;
    }

    /** The filters of the catalog page: one value per facet, so that each link is a plain URL. */
    record Filters(
            String q,
            @Nullable String kind,
            @Nullable String school,
            @Nullable String availability,
            int page) {}

    @GetMapping
    String catalog(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String school,
            @RequestParam(required = false) @Nullable String availability,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Viewer viewer = viewers.current();
        UUID alliance = LendingAccess.catalogOf(viewer);
        CatalogQuery query = CatalogFilters.query(q, alliance, one(kind), one(school), one(availability), page, 20);
        model.addAttribute("filters", new Filters(q, blank(kind), blank(school), blank(availability), page));
        model.addAttribute("results", catalog.search(query));
        model.addAttribute("schoolNames", views.schoolNames(alliance));
        return "lending/catalog";
    }

    @GetMapping("/titles/{id}")
    String title(@PathVariable UUID id, Model model) {
        Viewer viewer = viewers.current();
        TitleView title = views.title(id, viewer);
        model.addAttribute("title", title);
        model.addAttribute("deskAnywhere", title.copies().stream().anyMatch(TitleView.CopyView::desk));
        model.addAttribute("allianceSchools", allianceSchools(viewer));
        model.addAttribute("journeys", views.journeys(title, LendingAccess.catalogOf(viewer)));
        model.addAttribute(
                "waitingForIt",
                queries.queueOf(id).stream().anyMatch(h -> h.accountId().equals(viewer.accountId())));
        return "lending/title";
    }

    @PostMapping("/copies/{id}/request")
    String request(@PathVariable UUID id) {
        lending.request(viewers.current(), id);
        return "redirect:/lending/mine?requested";
    }

    @PostMapping("/titles/{id}/hold")
    String hold(@PathVariable UUID id) {
        lending.placeHold(viewers.current(), id);
        return "redirect:/lending/mine?held";
    }

    @PostMapping("/holds/{id}/cancel")
    String cancelHold(@PathVariable UUID id) {
        lending.cancelHold(viewers.current(), id);
        return "redirect:/lending/mine";
    }

    @PostMapping("/copies/{id}/transfer")
    String transfer(
            @PathVariable UUID id, @RequestParam UUID toSchoolId, @RequestParam(defaultValue = "") String note) {
        Viewer viewer = viewers.current();
        UUID titleId = access.copy(id, viewer).titleId();
        lending.transfer(viewer, id, toSchoolId, note.strip());
        return "redirect:/lending/titles/" + titleId + "?moved";
    }

    @GetMapping("/mine")
    String mine(Model model) {
        Viewer viewer = viewers.current();
        model.addAttribute("loans", views.loansOf(viewer));
        model.addAttribute("holds", queries.holdsOf(viewer.accountId()));
        return "lending/mine";
    }

    /** A step on a loan from a page's button; back to the page it came from. */
    @PostMapping("/loans/{id}/{step}")
    String step(
            @PathVariable UUID id,
            @PathVariable String step,
            @RequestParam(required = false) @Nullable LocalDate dueOn,
            @RequestParam(defaultValue = "mine") String back,
            @RequestParam(required = false) @Nullable UUID school) {
        Viewer viewer = viewers.current();
        switch (step) {
            case "approve" -> lending.approve(viewer, id);
            case "reject" -> lending.reject(viewer, id);
            case "cancel" -> lending.cancel(viewer, id);
            case "checkout" -> lending.checkOut(viewer, id, dueOn);
            case "renew" -> lending.renew(viewer, id);
            case "return" -> lending.checkIn(viewer, id);
            default -> throw new InvalidLendingField("step", "没有这个借阅操作：" + step);
        }
        if (back.equals("desk")) {
            return "redirect:/lending/desk?done=" + step + (school == null ? "" : "&school=" + school);
        }
        return "redirect:/lending/mine?done=" + step;
    }

    @GetMapping("/desk")
    String desk(@RequestParam(required = false) @Nullable UUID school, Model model) {
        Viewer viewer = viewers.current();
        deskModel(viewer, school, model);
        return "lending/desk";
    }

    @PostMapping("/desk/import")
    String importHoldings(
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) @Nullable UUID school,
            Model model) {
        Viewer viewer = viewers.current();
        ImportReport report = lending.importHoldings(viewer, school, file);
        deskModel(viewer, report.schoolId(), model);
        model.addAttribute("report", report);
        return "lending/desk";
    }

    private void deskModel(Viewer viewer, @Nullable UUID school, Model model) {
        LendingViews.Desk desk = views.desk(school == null ? viewer.schoolId() : school, viewer);
        model.addAttribute("desk", desk);
        model.addAttribute(
                "deskSchools",
                viewer.role() == Role.TEACHER || viewer.role() == Role.SCHOOL_ADMIN
                        ? List.of()
                        : allianceSchools(viewer));
        model.addAttribute("mayAct", viewer.administers(desk.schoolId()));
    }

    private List<School> allianceSchools(Viewer viewer) {
        return schools.findByAllianceIdOrderByMembershipAscNameAsc(viewer.allianceId());
    }

    private static @Nullable List<String> one(@Nullable String value) {
        return value == null || value.isBlank() ? null : List.of(value);
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
