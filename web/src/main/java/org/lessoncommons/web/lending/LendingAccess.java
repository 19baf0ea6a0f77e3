package org.lessoncommons.web.lending;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.School;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.lending.CatalogTitle;
import org.lessoncommons.storage.lending.CatalogTitles;
import org.lessoncommons.storage.lending.Copies;
import org.lessoncommons.storage.lending.Copy;
import org.lessoncommons.storage.lending.Hold;
import org.lessoncommons.storage.lending.Holds;
import org.lessoncommons.storage.lending.LendingNotFound;
import org.lessoncommons.storage.lending.LendingQueries;
import org.lessoncommons.storage.lending.LoanLine;
import org.lessoncommons.web.accounts.Forbidden;
import org.lessoncommons.web.accounts.Viewer;
import org.springframework.stereotype.Component;

/**
 * Who may do what in the lending library. Everyone lends and borrows within their own alliance:
 * a title, copy or loan of another alliance is "not found". Teachers request for themselves; the
 * desk (administrators of the school that owns a copy, or where it stands now) approves, hands
 * over, takes back and moves it; alliance administrators see every desk of their alliance.
 */
@Component
class LendingAccess {

    private final CatalogTitles titles;
    private final Copies copies;
    private final Holds holds;
    private final Schools schools;
    private final LendingQueries queries;

    LendingAccess(CatalogTitles titles, Copies copies, Holds holds, Schools schools, LendingQueries queries) {
        this.titles = titles;
        this.copies = copies;
        this.holds = holds;
        this.schools = schools;
        this.queries = queries;
    }

    /** The alliance whose catalog the viewer searches; null for a system administrator (all). */
    static @Nullable UUID catalogOf(Viewer viewer) {
        return viewer.role() == Role.SYSTEM_ADMIN ? null : viewer.allianceId();
    }

    CatalogTitle title(UUID id, Viewer viewer) {
        CatalogTitle title = titles.findById(id).orElseThrow(() -> new LendingNotFound("title", id));
        if (!inAlliance(viewer, title.allianceId())) {
            throw new LendingNotFound("title", id);
        }
        return title;
    }

    Copy copy(UUID id, Viewer viewer) {
        Copy copy = copies.findById(id).orElseThrow(() -> new LendingNotFound("copy", id));
        title(copy.titleId(), viewer);
        return copy;
    }

    /** A copy the viewer's desk handles. */
    Copy deskCopy(UUID id, Viewer viewer) {
        Copy copy = copy(id, viewer);
        if (!atDesk(viewer, copy)) {
            throw new Forbidden("只有藏品所属学校或现在所在学校的管理员可以办理");
        }
        return copy;
    }

    /** A loan the viewer may see: their own, their desk's, or (alliance administrators) their alliance's. */
    LoanLine loan(UUID id, Viewer viewer) {
        LoanLine loan = queries.loan(id).orElseThrow(() -> new LendingNotFound("loan", id));
        Copy copy = copies.findById(loan.copyId()).orElseThrow();
        boolean visible = loan.borrowerId().equals(viewer.accountId())
                || atDesk(viewer, copy)
                || viewer.role() == Role.ALLIANCE_ADMIN && inAlliance(viewer, allianceOf(copy.ownerSchoolId()));
        if (!visible) {
            throw new LendingNotFound("loan", id);
        }
        return loan;
    }

    /** A loan only the desk may move on (approve, reject, check out, return). */
    LoanLine deskLoan(UUID id, Viewer viewer) {
        LoanLine loan = loan(id, viewer);
        if (!atDesk(viewer, copies.findById(loan.copyId()).orElseThrow())) {
            throw new Forbidden("只有藏品所属学校或现在所在学校的管理员可以办理");
        }
        return loan;
    }

    /** A loan its borrower or the desk may move on (cancel, renew). */
    LoanLine ownOrDeskLoan(UUID id, Viewer viewer) {
        LoanLine loan = loan(id, viewer);
        if (!loan.borrowerId().equals(viewer.accountId())
                && !atDesk(viewer, copies.findById(loan.copyId()).orElseThrow())) {
            throw new Forbidden("只有借阅人本人或办理学校的管理员可以这样做");
        }
        return loan;
    }

    Hold ownHold(UUID id, Viewer viewer) {
        Hold hold = holds.findById(id).orElseThrow(() -> new LendingNotFound("hold", id));
        if (!hold.accountId().equals(viewer.accountId())) {
            throw new LendingNotFound("hold", id);
        }
        return hold;
    }

    /** A school of the viewer's alliance whose desk lists the viewer may read. */
    School deskSchool(@Nullable UUID schoolId, Viewer viewer) {
        UUID id = schoolId == null ? viewer.schoolId() : schoolId;
        School school = schools.findById(id).orElseThrow(() -> new LendingNotFound("school", id));
        if (!viewer.administers(school)) {
            if (!inAlliance(viewer, school.allianceId())) {
                throw new LendingNotFound("school", id);
            }
            throw new Forbidden("只有本校管理员和联盟管理员可以查看借阅台");
        }
        return school;
    }

    /** The school a copy moves to: a school of the same alliance. */
    School destination(UUID schoolId, Copy copy) {
        School school = schools.findById(schoolId).orElse(null);
        if (school == null || !school.allianceId().equals(allianceOf(copy.ownerSchoolId()))) {
            throw new InvalidLendingField("toSchoolId", "只能转到本联盟的学校");
        }
        return school;
    }

    boolean atDesk(Viewer viewer, Copy copy) {
        return viewer.administers(copy.ownerSchoolId()) || viewer.administers(copy.shelfSchoolId());
    }

    private boolean inAlliance(Viewer viewer, @Nullable UUID allianceId) {
        return viewer.role() == Role.SYSTEM_ADMIN || viewer.allianceId().equals(allianceId);
    }

    private @Nullable UUID allianceOf(UUID schoolId) {
        return schools.findById(schoolId).map(School::allianceId).orElse(null);
    }
}
