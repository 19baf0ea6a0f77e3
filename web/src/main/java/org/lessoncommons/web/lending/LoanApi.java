package org.lessoncommons.web.lending;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.storage.lending.Hold;
import org.lessoncommons.storage.lending.HoldLine;
import org.lessoncommons.storage.lending.LendingQueries;
import org.lessoncommons.storage.lending.LoanLine;
import org.lessoncommons.web.accounts.Viewer;
import org.lessoncommons.web.accounts.Viewers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Loans and holds: a person asks, the desk decides, hands over and takes back. */
@RestController
@RequestMapping("/api/lending")
class LoanApi {

    private final Viewers viewers;
    private final Lending lending;
    private final LendingViews views;
    private final LendingQueries queries;

    LoanApi(Viewers viewers, Lending lending, LendingViews views, LendingQueries queries) {
        this.viewers = viewers;
        this.lending = lending;
        this.views = views;
        this.queries = queries;
    }

    record LoanRequest(@Nullable UUID copyId) {}

    record HoldRequest(@Nullable UUID titleId) {}

    record CheckOut(@Nullable LocalDate dueOn) {}

    /** A loan that let its copy go, and the loan on which the copy went to the next in the queue. */
    record Released(LoanView loan, @Nullable LoanView offeredTo) {}

    /** 201 with the loan, or 409 {@code copy-unavailable} when someone else has the copy. */
    @PostMapping("/loans")
    ResponseEntity<LoanView> request(@RequestBody LoanRequest body) {
        if (body.copyId() == null) {
            throw new InvalidLendingField("copyId", "请指定要借的藏品（copyId）");
        }
        LoanView loan = views.view(lending.request(viewers.current(), body.copyId()));
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
        return views.view(lending.approve(viewers.current(), id));
    }

    @PostMapping("/loans/{id}/reject")
    Released reject(@PathVariable UUID id) {
        return released(lending.reject(viewers.current(), id));
    }

    @PostMapping("/loans/{id}/cancel")
    Released cancel(@PathVariable UUID id) {
        return released(lending.cancel(viewers.current(), id));
    }

    /** Hands the copy over, due {@code dueOn} or after the usual loan period. */
    @PostMapping("/loans/{id}/checkout")
    LoanView checkOut(@PathVariable UUID id, @RequestBody(required = false) @Nullable CheckOut body) {
        return views.view(lending.checkOut(viewers.current(), id, body == null ? null : body.dueOn()));
    }

    @PostMapping("/loans/{id}/renew")
    LoanView renew(@PathVariable UUID id) {
        return views.view(lending.renew(viewers.current(), id));
    }

    @PostMapping("/loans/{id}/return")
    Released checkIn(@PathVariable UUID id) {
        return released(lending.checkIn(viewers.current(), id));
    }

    /** 201 with the hold: WAITING with its position, or OFFERED with the loan of a copy free right now. */
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

    private Released released(Lending.Released released) {
        LoanLine next = released.offeredTo();
        return new Released(views.view(released.loan()), next == null ? null : views.view(next));
    }

    private HoldLine holdLine(Viewer viewer, UUID holdId) {
        return queries.holdsOf(viewer.accountId()).stream()
                .filter(h -> h.holdId().equals(holdId))
                .findFirst()
                .orElseThrow();
    }
}
