package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static org.lessoncommons.web.LendingWorld.get;
import static org.lessoncommons.web.LendingWorld.list;
import static org.lessoncommons.web.LendingWorld.post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lessoncommons.ingest.lending.CatalogIndexing;
import org.lessoncommons.storage.Account;
import org.lessoncommons.storage.Account.Role;
import org.lessoncommons.storage.Accounts;
import org.lessoncommons.storage.Alliances;
import org.lessoncommons.storage.AuditEvent;
import org.lessoncommons.storage.AuditLog;
import org.lessoncommons.storage.Schools;
import org.lessoncommons.storage.lending.Copy;
import org.lessoncommons.storage.lending.Holdings;
import org.lessoncommons.web.LendingWorld.Answer;
import org.lessoncommons.web.lending.OfferLapses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.client.RestClient;

/** Request → approve → check out → renew → return, holds first come first served, overdue and reminders. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LendingCirculationIntegrationTests {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @LocalServerPort
    int port;

    @Autowired
    Alliances alliances;

    @Autowired
    Schools schools;

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Holdings holdings;

    @Autowired
    CatalogIndexing indexing;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OfferLapses lapses;

    LendingWorld world;
    Copy copy;
    RestClient desk;
    Account borrower;
    RestClient teacher;

    @BeforeEach
    void library() {
        world = new LendingWorld(port, alliances, schools, accounts, encoder, holdings, indexing);
        copy = world.book(world.a1, "草房子", "曹文轩", "CFZ-001");
        desk = world.as(world.a1, Role.SCHOOL_ADMIN);
        borrower = world.account(world.a2, Role.TEACHER);
        teacher = world.as(borrower);
    }

    @Test
    void aTeacherOfAnotherSchoolBorrowsAndReturnsABookThroughTheOwningSchoolsDesk() {
        Answer requested = post(teacher, "/api/lending/loans", Map.of("copyId", copy.id()));
        UUID loan = requested.id();

        assertThat(requested.status()).isEqualTo(HttpStatus.CREATED);
        assertThat(requested.string("state")).isEqualTo("REQUESTED");
        assertThat(availability("草房子")).isEqualTo(0);
        assertThat(desk(desk, "requested")).extracting(l -> l.get("id")).containsExactly(loan.toString());

        assertThat(post(desk, "/api/lending/loans/{id}/approve", Map.of(), loan).string("state"))
                .isEqualTo("APPROVED");
        Answer out = post(desk, "/api/lending/loans/{id}/checkout", Map.of(), loan);
        assertThat(out.string("state")).isEqualTo("CHECKED_OUT");
        assertThat(out.string("dueOn")).isEqualTo(TODAY.plusDays(28).toString());
        assertThat(desk(desk, "checkedOut")).extracting(l -> l.get("id")).containsExactly(loan.toString());

        Answer back = post(desk, "/api/lending/loans/{id}/return", Map.of(), loan);
        @SuppressWarnings("unchecked")
        Map<String, Object> returned = (Map<String, Object>) back.body().get("loan");
        assertThat(returned.get("state")).isEqualTo("RETURNED");
        assertThat(back.body().get("offeredTo")).isNull();
        assertThat(availability("草房子")).isEqualTo(1);
        assertThat(list(teacher, "/api/lending/loans/mine"))
                .extracting(l -> l.get("state"))
                .containsExactly("RETURNED");
        assertThat(auditLog.recent(world.a1.id(), null, 20))
                .extracting(AuditEvent::action)
                .containsSubsequence("loan.return", "loan.checkout", "loan.approve", "loan.request");
    }

    @Test
    void aReturnedCopyIsOfferedToTheFirstInTheQueueAndTheQueueBlocksRenewal() {
        UUID loan = checkedOut(teacher);
        Account second = world.account(world.a1, Role.TEACHER);
        Account third = world.account(world.a2, Role.TEACHER);
        RestClient secondHttp = world.as(second);
        RestClient thirdHttp = world.as(third);

        Answer first = post(secondHttp, "/api/lending/holds", Map.of("titleId", copy.titleId()));
        Answer next = post(thirdHttp, "/api/lending/holds", Map.of("titleId", copy.titleId()));

        assertThat(first.status()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.string("state")).isEqualTo("WAITING");
        assertThat(first.body().get("position")).isEqualTo(1);
        assertThat(next.body().get("position")).isEqualTo(2);
        assertThat(post(secondHttp, "/api/lending/holds", Map.of("titleId", copy.titleId()))
                        .status())
                .isEqualTo(HttpStatus.CONFLICT);
        Answer renewal = post(teacher, "/api/lending/loans/{id}/renew", Map.of(), loan);
        assertThat(renewal.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(renewal.string("reason")).isEqualTo("OTHERS_WAITING");

        Answer back = post(desk, "/api/lending/loans/{id}/return", Map.of(), loan);

        @SuppressWarnings("unchecked")
        Map<String, Object> offered = (Map<String, Object>) back.body().get("offeredTo");
        assertThat(offered.get("borrowerId")).isEqualTo(second.id().toString());
        assertThat(offered.get("state")).isEqualTo("REQUESTED");
        assertThat(offered.get("fromHold")).isEqualTo(true);
        assertThat(list(secondHttp, "/api/lending/holds/mine"))
                .extracting(h -> h.get("state"))
                .containsExactly("OFFERED");
        assertThat(list(thirdHttp, "/api/lending/holds/mine"))
                .extracting(h -> h.get("position"))
                .containsExactly(1);
        assertThat(post(teacher, "/api/lending/loans", Map.of("copyId", copy.id()))
                        .status())
                .isEqualTo(HttpStatus.CONFLICT);

        UUID offeredLoan = UUID.fromString(offered.get("id").toString());
        Map<String, Object> cancelled = post(secondHttp, "/api/lending/loans/{id}/cancel", Map.of(), offeredLoan)
                .body();
        assertThat(cancelled.get("loan")).asInstanceOf(MAP).containsEntry("state", "CANCELLED");
        assertThat(cancelled.get("offeredTo"))
                .asInstanceOf(MAP)
                .containsEntry("borrowerId", third.id().toString());
        assertThat(list(thirdHttp, "/api/lending/holds/mine"))
                .extracting(h -> h.get("state"))
                .containsExactly("OFFERED");
    }

    @Test
    void anOfferNobodyComesForLapsesAfterThePickupDaysAndGoesToTheNextInTheQueue() {
        UUID loan = checkedOut(teacher);
        Account second = world.account(world.a1, Role.TEACHER);
        Account third = world.account(world.a2, Role.TEACHER);
        post(world.as(second), "/api/lending/holds", Map.of("titleId", copy.titleId()));
        post(world.as(third), "/api/lending/holds", Map.of("titleId", copy.titleId()));
        @SuppressWarnings("unchecked")
        Map<String, Object> offered = (Map<String, Object>) post(desk, "/api/lending/loans/{id}/return", Map.of(), loan)
                .body()
                .get("offeredTo");
        UUID offeredLoan = UUID.fromString(offered.get("id").toString());
        // The holder is told until when the copy is kept; a loan asked for directly has no such day.
        assertThat(offered.get("offerLapsesOn"))
                .isEqualTo(LocalDate.ofInstant(
                                Instant.parse(offered.get("requestedAt").toString())
                                        .plus(Duration.ofDays(7)),
                                ZoneId.of("Asia/Shanghai"))
                        .toString());
        assertThat(world.as(second).get().uri("/lending/mine").retrieve().body(String.class))
                .contains("为你保留至 " + offered.get("offerLapsesOn"));
        // A loan the teacher asked for herself is the desk's to decide: it never lapses.
        Copy other = world.book(world.a1, "城南旧事", "林海音", "CNJS-001");
        Answer askedFor = post(teacher, "/api/lending/loans", Map.of("copyId", other.id()));
        UUID asked = askedFor.id();
        assertThat(askedFor.body().get("offerLapsesOn")).isNull();

        assertThat(lapses.lapse()).isEmpty();
        requestedDaysAgo(offeredLoan, 8);
        requestedDaysAgo(asked, 30);

        assertThat(lapses.lapse()).singleElement().satisfies(released -> {
            assertThat(released.loan().id()).isEqualTo(offeredLoan);
            assertThat(released.offered())
                    .hasValueSatisfying(next -> assertThat(next.borrowerId()).isEqualTo(third.id()));
        });
        assertThat(loanState(offeredLoan)).isEqualTo("CANCELLED");
        assertThat(loanState(asked)).isEqualTo("REQUESTED");
        assertThat(list(world.as(third), "/api/lending/holds/mine"))
                .extracting(h -> h.get("state"))
                .containsExactly("OFFERED");
        assertThat(auditLog.recent(world.a1.id(), null, 20))
                .filteredOn(event -> event.action().equals("loan.lapse"))
                .singleElement()
                .satisfies(event -> assertThat(event.detail()).isEqualTo("CFZ-001, offered to the next in the queue"));
        // The new offer has its own pickup days; the next round leaves it be.
        assertThat(lapses.lapse()).isEmpty();

        // With nobody left in the queue, a lapsed offer puts the copy back on the shelf.
        UUID thirdsLoan = UUID.fromString(list(world.as(third), "/api/lending/loans/mine")
                .getFirst()
                .get("id")
                .toString());
        requestedDaysAgo(thirdsLoan, 8);
        assertThat(lapses.lapse())
                .singleElement()
                .satisfies(released -> assertThat(released.offered()).isEmpty());
        assertThat(availability("草房子")).isEqualTo(1);
    }

    private void requestedDaysAgo(UUID loan, int days) {
        jdbc.sql("UPDATE lending_loan SET requested_at = now() - make_interval(days => :days) WHERE id = :id")
                .param("days", days)
                .param("id", loan)
                .update();
    }

    private String loanState(UUID loan) {
        return jdbc.sql("SELECT state FROM lending_loan WHERE id = :id")
                .param("id", loan)
                .query(String.class)
                .single();
    }

    @Test
    void aHoldOnATitleWithAFreeCopyClaimsItAtOnce() {
        Answer hold = post(teacher, "/api/lending/holds", Map.of("titleId", copy.titleId()));

        assertThat(hold.string("state")).isEqualTo("OFFERED");
        assertThat(list(teacher, "/api/lending/loans/mine"))
                .extracting(l -> l.get("copyId"))
                .containsExactly(copy.id().toString());
    }

    @Test
    void renewalsAreLimitedAndRefusedWhenOverdue() {
        UUID loan = checkedOut(teacher);

        Answer first = post(teacher, "/api/lending/loans/{id}/renew", Map.of(), loan);
        Answer second = post(desk, "/api/lending/loans/{id}/renew", Map.of(), loan);
        Answer third = post(teacher, "/api/lending/loans/{id}/renew", Map.of(), loan);

        assertThat(first.body().get("renewals")).isEqualTo(1);
        assertThat(second.body().get("renewals")).isEqualTo(2);
        assertThat(third.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(third.string("reason")).isEqualTo("LIMIT_REACHED");
        assertThat(third.string("detail")).contains("续借次数已用完");

        UUID another = checkedOut(world.as(world.a1, Role.TEACHER), world.book(world.a1, "城南旧事", "林海音", "CNJS-1"));
        dueOn(another, TODAY.minusDays(3));
        Answer late = post(desk, "/api/lending/loans/{id}/renew", Map.of(), another);
        assertThat(late.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.string("reason")).isEqualTo("OVERDUE");
    }

    @Test
    void overdueLoansAndLoansDueSoonAreListedForTheDeskWithWhoMustReturnWhat() {
        UUID late = checkedOut(teacher);
        dueOn(late, TODAY.minusDays(5));
        Copy other = world.book(world.a1, "小王子", "圣埃克苏佩里", "XWZ-1");
        UUID soon = checkedOut(teacher, other);
        dueOn(soon, TODAY.plusDays(2));
        Copy later = world.book(world.a1, "夏洛的网", "E.B.怀特", "XLDW-1");
        checkedOut(teacher, later);

        List<Map<String, Object>> overdue = list(desk, "/api/lending/overdue");
        List<Map<String, Object>> reminders = list(desk, "/api/lending/reminders");

        assertThat(overdue).extracting(l -> l.get("id")).containsExactly(late.toString());
        assertThat(overdue.getFirst())
                .containsEntry("overdue", true)
                .containsEntry("daysOverdue", 5)
                .containsEntry("borrowerName", borrower.displayName())
                .containsEntry("title", "草房子");
        assertThat(reminders).extracting(l -> l.get("id")).containsExactly(late.toString(), soon.toString());
        assertThat(list(teacher, "/api/lending/loans/mine"))
                .filteredOn(l -> l.get("id").equals(late.toString()))
                .extracting(l -> l.get("overdue"))
                .containsExactly(true);
        assertThat(list(world.as(world.a1, Role.ALLIANCE_ADMIN), "/api/lending/overdue"))
                .extracting(l -> l.get("id"))
                .containsExactly(late.toString());
    }

    @Test
    void stepsOutOfOrderAreConflictsAndABadDueDateIsRefused() {
        UUID loan =
                post(teacher, "/api/lending/loans", Map.of("copyId", copy.id())).id();

        Answer tooEarly = post(desk, "/api/lending/loans/{id}/return", Map.of(), loan);
        Answer past = post(
                desk,
                "/api/lending/loans/{id}/checkout",
                Map.of("dueOn", TODAY.minusDays(1).toString()),
                loan);
        Answer rejected = post(desk, "/api/lending/loans/{id}/reject", Map.of(), loan);
        Answer again = post(desk, "/api/lending/loans/{id}/approve", Map.of(), loan);

        assertThat(tooEarly.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(tooEarly.string("state")).isEqualTo("REQUESTED");
        assertThat(past.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(past.string("field")).isEqualTo("dueOn");
        assertThat(rejected.body().get("loan")).asInstanceOf(MAP).containsEntry("state", "REJECTED");
        assertThat(again.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(post(teacher, "/api/lending/loans", Map.of("copyId", copy.id()))
                        .status())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post(teacher, "/api/lending/loans", Map.of()).status()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aCopyDriftsToAnotherSchoolsShelfAndItsJourneyIsRecorded() {
        Answer moved = post(
                desk,
                "/api/lending/copies/{id}/transfer",
                Map.of("toSchoolId", world.a2.id(), "note", "漂流到育才"),
                copy.id());

        assertThat(moved.status()).isEqualTo(HttpStatus.CREATED);
        assertThat(list(teacher, "/api/lending/copies/{id}/transfers", copy.id()))
                .extracting(t -> t.get("toSchoolId"))
                .containsExactly(world.a2.id().toString());
        Map<String, Object> title =
                get(teacher, "/api/lending/titles/{id}", copy.titleId()).body();
        @SuppressWarnings("unchecked")
        Map<String, Object> shelved = ((List<Map<String, Object>>) title.get("copies")).getFirst();
        assertThat(shelved.get("shelf")).isEqualTo(Map.of("id", world.a2.id().toString(), "name", world.a2.name()));
        RestClient newDesk = world.as(world.a2, Role.SCHOOL_ADMIN);
        UUID loan =
                post(teacher, "/api/lending/loans", Map.of("copyId", copy.id())).id();
        assertThat(post(newDesk, "/api/lending/loans/{id}/checkout", Map.of(), loan)
                        .string("state"))
                .isEqualTo("CHECKED_OUT");
        assertThat(post(newDesk, "/api/lending/copies/{id}/transfer", Map.of("toSchoolId", world.a1.id()), copy.id())
                        .status())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(post(newDesk, "/api/lending/copies/{id}/transfer", Map.of("toSchoolId", world.b1.id()), copy.id())
                        .string("field"))
                .isEqualTo("toSchoolId");
    }

    private UUID checkedOut(RestClient borrower) {
        return checkedOut(borrower, copy);
    }

    private UUID checkedOut(RestClient borrower, Copy which) {
        UUID loan = post(borrower, "/api/lending/loans", Map.of("copyId", which.id()))
                .id();
        assertThat(post(desk, "/api/lending/loans/{id}/checkout", Map.of(), loan)
                        .string("state"))
                .isEqualTo("CHECKED_OUT");
        return loan;
    }

    private void dueOn(UUID loan, LocalDate due) {
        jdbc.sql("UPDATE lending_loan SET due_on = :due WHERE id = :id")
                .param("due", due)
                .param("id", loan)
                .update();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> desk(RestClient http, String list) {
        return (List<Map<String, Object>>) get(http, "/api/lending/desk").body().get(list);
    }

    @SuppressWarnings("unchecked")
    private int availability(String title) {
        Map<String, Object> catalog =
                get(teacher, "/api/lending/catalog?q={q}", title).body();
        List<Map<String, Object>> hits =
                (List<Map<String, Object>>) ((Map<String, Object>) catalog.get("results")).get("hits");
        return (Integer) hits.getFirst().get("available");
    }
}
