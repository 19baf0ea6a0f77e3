package org.lessoncommons.web.lending;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.search.catalog.CatalogIndex;
import org.lessoncommons.storage.lending.HoldLine;
import org.lessoncommons.storage.lending.LendingQueries;
import org.lessoncommons.storage.lending.Transfer;
import org.lessoncommons.storage.lending.Transfers;
import org.lessoncommons.web.accounts.Forbidden;
import org.lessoncommons.web.accounts.Viewer;
import org.lessoncommons.web.accounts.Viewers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catalog of the viewer's alliance: search with facets, a title with its copies, queues, journeys. */
@RestController
@RequestMapping("/api/lending")
class CatalogApi {

    private final Viewers viewers;
    private final LendingViews views;
    private final LendingAccess access;
    private final LendingQueries queries;
    private final CatalogIndex catalog;
    private final Transfers transfers;

    CatalogApi(
            Viewers viewers,
            LendingViews views,
            LendingAccess access,
            LendingQueries queries,
            CatalogIndex catalog,
            Transfers transfers) {
        this.viewers = viewers;
        this.views = views;
        this.access = access;
        this.queries = queries;
        this.catalog = catalog;
        this.transfers = transfers;
    }

    /** Every word must match; facets by {@code kind}, owning {@code school} and {@code availability}. */
    @GetMapping("/catalog")
    LendingViews.Catalog search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @Nullable List<String> kind,
            @RequestParam(required = false) @Nullable List<String> school,
            @RequestParam(required = false) @Nullable List<String> availability,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        UUID alliance = LendingAccess.catalogOf(viewers.current());
        return new LendingViews.Catalog(
                catalog.search(CatalogFilters.query(q, alliance, kind, school, availability, page, size)),
                views.schoolNames(alliance));
    }

    @GetMapping("/titles/{id}")
    TitleView title(@PathVariable UUID id) {
        return views.title(id, viewers.current());
    }

    /** The waiting queue of a title, first first: for the administrators of the alliance. */
    @GetMapping("/titles/{id}/holds")
    List<HoldLine> queue(@PathVariable UUID id) {
        Viewer viewer = viewers.current();
        access.title(id, viewer);
        if (!viewer.isAdmin()) {
            throw new Forbidden("只有管理员可以查看预约队列");
        }
        return queries.queueOf(id);
    }

    /** The journey of a copy from shelf to shelf, oldest first. */
    @GetMapping("/copies/{id}/transfers")
    List<Transfer> journey(@PathVariable UUID id) {
        access.copy(id, viewers.current());
        return transfers.findByCopyIdOrderByMovedAt(id);
    }
}
