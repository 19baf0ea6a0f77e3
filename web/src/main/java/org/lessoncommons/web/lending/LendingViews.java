package org.lessoncommons.web.lending;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.search.catalog.CatalogResults;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.lending.CatalogTitle;
import org.lessoncommons.storage.lending.Circulation;
import org.lessoncommons.storage.lending.LendingProperties;
import org.lessoncommons.storage.lending.LendingQueries;
import org.lessoncommons.storage.lending.LoanLine;
import org.lessoncommons.storage.lending.LoanState;
import org.lessoncommons.storage.lending.Transfers;
import org.lessoncommons.web.accounts.Viewer;
import org.springframework.stereotype.Component;

/** Reads what the lending API and pages show: a title's copies, a person's loans, a desk. */
@Component
class LendingViews {

    private final LendingQueries queries;
    private final LendingAccess access;
    private final Circulation circulation;
    private final Schools schools;
    private final LendingProperties properties;
    private final Transfers transfers;

    LendingViews(
            LendingQueries queries,
            LendingAccess access,
            Circulation circulation,
            Schools schools,
            LendingProperties properties,
            Transfers transfers) {
        this.transfers = transfers;
        this.queries = queries;
        this.access = access;
        this.circulation = circulation;
        this.schools = schools;
        this.properties = properties;
    }

    /** The requests to decide, approved loans to hand over, loans out, overdue and due soon. */
    record Desk(
            UUID schoolId,
            String schoolName,
            List<LoanView> requested,
            List<LoanView> approved,
            List<LoanView> checkedOut,
            List<LoanView> overdue,
            List<LoanView> reminders) {}

    /** One move of a copy from shelf to shelf, with the names people read. */
    record JourneyStep(String barcode, String from, String to, java.time.Instant movedAt, String note) {}

    /** Where the copies of a title have drifted, oldest move first. */
    List<JourneyStep> journeys(TitleView title, @Nullable UUID allianceId) {
        Map<String, String> names = schoolNames(allianceId);
        return title.copies().stream()
                .flatMap(copy -> transfers.findByCopyIdOrderByMovedAt(copy.id()).stream()
                        .map(t -> new JourneyStep(
                                copy.barcode(),
                                names.getOrDefault(t.fromSchoolId().toString(), ""),
                                names.getOrDefault(t.toSchoolId().toString(), ""),
                                t.movedAt(),
                                t.note())))
                .sorted(java.util.Comparator.comparing(JourneyStep::movedAt))
                .toList();
    }

    /** A catalog page with the names of the schools its facet counts by id. */
    record Catalog(CatalogResults results, Map<String, String> schoolNames) {}

    TitleView title(UUID id, Viewer viewer) {
        CatalogTitle title = access.title(id, viewer);
        List<TitleView.CopyView> copies = queries.copiesOf(id).stream()
                .map(line -> TitleView.copy(
                        line,
                        viewer.administers(line.ownerSchoolId()) || viewer.administers(line.shelfSchoolId()),
                        viewer.accountId()))
                .toList();
        return TitleView.of(title, copies, queries.queueOf(id).size());
    }

    List<LoanView> loansOf(Viewer viewer) {
        return views(queries.loansOf(viewer.accountId()));
    }

    LoanView view(LoanLine line) {
        return view(line, circulation.today());
    }

    LoanView loan(UUID id, Viewer viewer) {
        return view(access.loan(id, viewer), circulation.today());
    }

    Desk desk(UUID schoolId, Viewer viewer) {
        School school = access.deskSchool(schoolId, viewer);
        List<LoanView> open = views(queries.atDesk(school.id()));
        return new Desk(
                school.id(),
                school.name(),
                only(open, LoanState.REQUESTED),
                only(open, LoanState.APPROVED),
                only(open, LoanState.CHECKED_OUT),
                overdue(school.id(), null),
                reminders(school.id(), null, properties.reminderDays()));
    }

    /** Checked out and past the due day: of a school's desk, or of the whole alliance. */
    List<LoanView> overdue(@Nullable UUID schoolId, @Nullable UUID allianceId) {
        return views(queries.dueBy(circulation.today().minusDays(1), schoolId, allianceId));
    }

    /** Who must return what by when: overdue loans and those due within {@code days}. */
    List<LoanView> reminders(@Nullable UUID schoolId, @Nullable UUID allianceId, int days) {
        return views(queries.dueBy(circulation.today().plusDays(days), schoolId, allianceId));
    }

    Map<String, String> schoolNames(@Nullable UUID allianceId) {
        Iterable<School> all = allianceId == null
                ? schools.findAll()
                : schools.findByAllianceIdOrderByMembershipAscNameAsc(allianceId);
        Map<String, String> names = new java.util.LinkedHashMap<>();
        all.forEach(school -> names.put(school.id().toString(), school.name()));
        return names;
    }

    private List<LoanView> views(List<LoanLine> lines) {
        LocalDate today = circulation.today();
        return lines.stream().map(line -> view(line, today)).toList();
    }

    private LoanView view(LoanLine line, LocalDate today) {
        return LoanView.of(line, today, circulation.offerLapsesOn(line).orElse(null));
    }

    private static List<LoanView> only(List<LoanView> loans, LoanState state) {
        return loans.stream().filter(l -> l.state().equals(state.name())).toList();
    }
}
