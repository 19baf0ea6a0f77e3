package org.lessoncommons.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lessoncommons.search.FacetCount;
import org.lessoncommons.search.FacetField;
import org.lessoncommons.search.Filters;
import org.lessoncommons.search.SearchIndex;
import org.lessoncommons.search.SearchQuery;
import org.lessoncommons.search.SearchResults;
import org.lessoncommons.search.SortOrder;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Material;
import org.lessoncommons.storage.Materials;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.web.accounts.Viewer;
import org.lessoncommons.web.accounts.Viewers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The listings around search: the alliance home (newest, most downloaded, member schools), a
 * teacher's own uploads and what one school contributed. Each shows only what the viewer may see:
 * lists from the index are filtered inside its query, the download ranking by the same rule.
 */
@Component
class Browsing {

    static final int HOME_SIZE = 8;
    static final int MINE_LIMIT = 200;

    private final SearchIndex index;
    private final Materials materials;
    private final Schools schools;
    private final MaterialViews views;
    private final Viewers viewers;
    private final JdbcClient jdbc;

    Browsing(
            SearchIndex index,
            Materials materials,
            Schools schools,
            MaterialViews views,
            Viewers viewers,
            JdbcClient jdbc) {
        this.index = index;
        this.materials = materials;
        this.schools = schools;
        this.views = views;
        this.viewers = viewers;
        this.jdbc = jdbc;
    }

    record Home(List<SearchResultsView.HitView> newest, List<Popular> popular, List<SchoolCount> schools) {}

    record Popular(MaterialView material, long downloads) {}

    /** @param materials how many of its materials the viewer may see */
    record SchoolCount(UUID id, String name, String membership, long materials) {}

    record SchoolPage(
            SchoolApi.SchoolView school, long total, int page, int totalPages, List<SearchResultsView.HitView> hits) {}

    Home home() {
        Viewer viewer = viewers.current();
        SearchResults newest = index.search(SearchQuery.of("", viewer.audience())
                .sortedBy(SortOrder.NEWEST)
                .counting(Set.of(FacetField.SCHOOL))
                .page(0, HOME_SIZE));
        Map<String, Long> counts = newest.facets()
                .of(FacetField.SCHOOL)
                .map(f -> f.values().stream().collect(Collectors.toMap(FacetCount::code, FacetCount::count)))
                .orElse(Map.of());
        List<SchoolCount> members = alliance(viewer).stream()
                .map(s -> new SchoolCount(
                        s.id(), s.name(), s.membership().name(), counts.getOrDefault(s.id().toString(), 0L)))
                .toList();
        return new Home(
                newest.hits().stream().map(SearchResultsView.HitView::of).toList(), popular(viewer), members);
    }

    /** The viewer's own uploads, newest first, deleted ones too (they may restore them). */
    List<MaterialView> mine() {
        Viewer viewer = viewers.current();
        return materials.findTop200ByUploaderIdOrderByCreatedAtDesc(viewer.accountId()).stream()
                .map(m -> views.of(m, viewer))
                .toList();
    }

    SchoolPage school(UUID id, int page) {
        Viewer viewer = viewers.current();
        School school = schools.findById(id)
                .filter(s ->
                        viewer.role() == Role.SYSTEM_ADMIN || s.allianceId().equals(viewer.allianceId()))
                .orElseThrow(() -> new SchoolNotFound(id));
        SearchResults results = index.search(SearchQuery.of("", viewer.audience())
                .with(Filters.none().with(FacetField.SCHOOL, id.toString()))
                .sortedBy(SortOrder.NEWEST)
                .page(page, Searches.DEFAULT_PAGE_SIZE));
        return new SchoolPage(
                SchoolApi.SchoolView.of(school),
                results.totalHits(),
                results.page(),
                results.totalPages(),
                results.hits().stream().map(SearchResultsView.HitView::of).toList());
    }

    private List<School> alliance(Viewer viewer) {
        return schools.findByAllianceIdOrderByMembershipAscNameAsc(viewer.allianceId());
    }

    /** Most downloaded materials of the viewer's alliance that the viewer may see. */
    private List<Popular> popular(Viewer viewer) {
        record Count(UUID id, long downloads) {}
        List<Count> counts = jdbc.sql("""
                        SELECT m.id, d.downloads
                        FROM material_download d
                        JOIN material m ON m.id = d.material_id
                        JOIN school s ON s.id = m.school_id
                        WHERE s.alliance_id = :alliance AND m.deleted_at IS NULL AND d.downloads > 0
                        ORDER BY d.downloads DESC, m.id
                        LIMIT 50
                        """)
                .param("alliance", viewer.allianceId())
                .query((rs, n) -> new Count(rs.getObject("id", UUID.class), rs.getLong("downloads")))
                .list();
        Map<UUID, Material> found = materials
                .findAllById(counts.stream().map(Count::id).toList())
                .stream()
                .collect(Collectors.toMap(Material::id, Function.identity()));
        return counts.stream()
                .filter(c -> found.containsKey(c.id()) && viewer.maySee(found.get(c.id()), viewer.allianceId()))
                .limit(HOME_SIZE)
                .map(c -> new Popular(views.of(found.get(c.id()), viewer), c.downloads()))
                .toList();
    }
}
