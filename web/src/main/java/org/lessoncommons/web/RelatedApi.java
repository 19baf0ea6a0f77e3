package org.lessoncommons.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.search.SearchIndex;
import org.lessoncommons.web.accounts.Viewer;
import org.lessoncommons.web.accounts.Viewers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Related materials" (more like this) of a material the viewer may see: only materials they may
 * see, never the material itself. A material they may not see is "not found", as everywhere.
 */
@RestController
class RelatedApi {

    static final int DEFAULT_LIMIT = 6;

    private final SearchIndex index;
    private final MaterialAccess access;
    private final Viewers viewers;

    RelatedApi(SearchIndex index, MaterialAccess access, Viewers viewers) {
        this.index = index;
        this.access = access;
        this.viewers = viewers;
    }

    /** {@code limit}: 1 to 100. */
    @GetMapping("/api/materials/{id}/related")
    List<SearchResultsView.HitView> related(
            @PathVariable UUID id, @RequestParam(required = false) @Nullable Integer limit) {
        return of(id, viewers.current(), limit == null ? DEFAULT_LIMIT : limit);
    }

    /** Also for the material page. */
    List<SearchResultsView.HitView> of(UUID id, Viewer viewer, int limit) {
        access.visible(id, viewer);
        return index.related(id.toString(), viewer.audience(), limit).stream()
                .map(SearchResultsView.HitView::of)
                .toList();
    }
}
