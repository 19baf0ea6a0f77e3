package org.lessoncommons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The app is killed with SIGKILL while teachers request copies and place holds and four desks
 * approve, hand over and take back, then started again on the same data. Nothing acknowledged is
 * lost or rolled back, no copy is lent twice, no loan or hold is half-done, every committed step has
 * its audit line, and lending works as before.
 *
 * <p>"Half-done" from the schema of {@code V10__create_lending.sql}: a loan whose timestamps do not
 * match its state (approved or rejected without who decided and when; checked out without its
 * hand-over time, due day or decision; returned without its return time; a request already carrying
 * a decision), a hold OFFERED without its loan or closing time, a loan made for a hold whose hold
 * does not point back at it, or a committed step without the audit line that records it.
 */
class LendingCrashRecoveryTests {

    private static final int WORKERS = 4;
    private static final int STEPS_BEFORE_KILL = 60;

    private final ChildApp app = new ChildApp();

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LoanJson(UUID id, String state, UUID copyId, UUID titleId, Owner owner) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Owner(UUID id) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReleasedJson(LoanJson loan, @Nullable LoanJson offeredTo) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record HoldJson(UUID holdId, String state, @Nullable UUID loanId) {}

    record CopyRow(UUID id, UUID titleId, UUID ownerSchoolId) {}

    /** A step the app answered 2xx: on a loan (target "loan") or a hold (target "hold"). */
    record Step(String targetType, UUID targetId, String action) {}

    /** How far along a loan is; a loan may only be found where it was acknowledged or further on. */
    private static final Map<String, Set<String>> LATER = Map.of(
            "REQUESTED", Set.of("REQUESTED", "APPROVED", "CHECKED_OUT", "RETURNED", "REJECTED", "CANCELLED"),
            "APPROVED", Set.of("APPROVED", "CHECKED_OUT", "RETURNED", "REJECTED", "CANCELLED"),
            "CHECKED_OUT", Set.of("CHECKED_OUT", "RETURNED"),
            "RETURNED", Set.of("RETURNED"),
            "REJECTED", Set.of("REJECTED"),
            "CANCELLED", Set.of("CANCELLED"));

    private static final List<String> ORDER =
            List.of("REQUESTED", "APPROVED", "CHECKED_OUT", "RETURNED", "REJECTED", "CANCELLED");

    private final Map<UUID, String> acknowledgedLoans = new ConcurrentHashMap<>();
    private final List<Step> acknowledgedSteps = new CopyOnWriteArrayList<>();
    private final List<String> serverErrors = new CopyOnWriteArrayList<>();
    private final AtomicInteger steps = new AtomicInteger();

    @AfterEach
    void stop() throws InterruptedException {
        app.close();
    }

    @Test
    void circulationAcknowledgedBeforeAKillSurvivesWholeAndAuditedAfterARestart() throws Exception {
        app.start().awaitHealthy("admin1");
        List<CopyRow> copies;
        Map<UUID, String> adminOfSchool;
        Set<UUID> seededLoans;
        Set<UUID> seededHolds;
        try (Connection db = awaitSeededLending()) {
            copies = copies(db);
            adminOfSchool = adminsBySchool(db);
            seededLoans = ids(db, "SELECT id FROM lending_loan");
            seededHolds = ids(db, "SELECT id FROM lending_hold");
        }

        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            String teacher = "teacher" + (w + 1);
            Map<UUID, RestClient> desks = new HashMap<>();
            adminOfSchool.forEach((school, admin) -> desks.put(school, app.signIn(admin)));
            RestClient me = app.signIn(teacher);
            running.add(workers.submit(() -> circulate(me, desks, copies, killed)));
        }
        await().atMost(Duration.ofSeconds(40)).until(() -> steps.get() >= STEPS_BEFORE_KILL);
        killed.set(true);
        app.kill();
        workers.shutdown();
        assertThat(workers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        for (var worker : running) {
            worker.get(); // a worker's own assertion error surfaces here
        }

        app.start().awaitHealthy("admin1");
        assertThat(serverErrors).as("5xx answered before the kill").isEmpty();
        assertThat(acknowledgedLoans).hasSizeGreaterThan(5);
        try (Connection db = DriverManager.getConnection(app.jdbcUrl(), "postgres", "")) {
            assertThat(list(db, """
                            SELECT copy_id::text FROM lending_loan
                            WHERE state IN ('REQUESTED', 'APPROVED', 'CHECKED_OUT')
                            GROUP BY copy_id HAVING count(*) > 1
                            """)).as("copies with two active loans").isEmpty();

            Map<UUID, String> states = loanStates(db);
            acknowledgedLoans.forEach((loan, state) -> assertThat(states.get(loan))
                    .as("loan %s acknowledged %s", loan, state)
                    .isIn(LATER.get(state)));

            assertThat(list(db, HALF_DONE)).as("half-done loans and holds").isEmpty();

            Set<String> audited = new java.util.HashSet<>(list(db, """
                    SELECT target_type || ' ' || target_id || ' ' || action FROM audit_event
                    WHERE target_type IN ('loan', 'hold')
                    """));
            for (Step step : acknowledgedSteps) {
                assertThat(audited)
                        .as("audit line of acknowledged %s", step)
                        .contains(step.targetType() + " " + step.targetId() + " " + step.action());
            }
            assertEveryCommittedStepAudited(db, audited, seededLoans, seededHolds);
        }

        roundTripAfterRestart(copies, adminOfSchool);
        stepWithoutItsAuditLineIsNotTaken(copies, adminOfSchool);
    }

    /**
     * One teacher and the four desks: request a copy (or queue for it when taken), then approve, hand
     * over and mostly take back, sometimes reject or cancel; loans that came to the teacher from a
     * hold are carried on the same way.
     */
    private void circulate(RestClient me, Map<UUID, RestClient> desks, List<CopyRow> copies, AtomicBoolean killed) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!killed.get()) {
            try {
                CopyRow copy = copies.get(random.nextInt(copies.size()));
                Answer<LoanJson> requested =
                        post(me, "/api/lending/loans", Map.of("copyId", copy.id()), LoanJson.class);
                if (requested.status() == 201) {
                    acknowledge(requested.body(), "loan.request");
                    carryOn(requested.body(), me, desks, random);
                } else if (requested.status() == 409 && random.nextInt(3) == 0) {
                    Answer<HoldJson> hold =
                            post(me, "/api/lending/holds", Map.of("titleId", copy.titleId()), HoldJson.class);
                    if (hold.status() == 201) {
                        acknowledgedSteps.add(new Step("hold", hold.body().holdId(), "hold.place"));
                        if (hold.body().loanId() != null) {
                            acknowledgedLoans.merge(
                                    hold.body().loanId(), "REQUESTED", LendingCrashRecoveryTests::later);
                        }
                        steps.incrementAndGet();
                    }
                }
                LoanJson[] mine =
                        me.get().uri("/api/lending/loans/mine").retrieve().body(LoanJson[].class);
                for (LoanJson loan : mine) {
                    if (loan.state().equals("REQUESTED") && !killed.get()) {
                        carryOn(loan, me, desks, random);
                    }
                }
            } catch (RuntimeException e) {
                if (!killed.get()) {
                    throw e;
                }
            }
        }
    }

    private void carryOn(LoanJson loan, RestClient me, Map<UUID, RestClient> desks, ThreadLocalRandom random) {
        RestClient desk = desks.get(loan.owner().id());
        String loanPath = "/api/lending/loans/" + loan.id();
        if (random.nextInt(10) == 0) {
            released(post(me, loanPath + "/cancel", Map.of(), ReleasedJson.class), "loan.cancel");
            return;
        }
        if (!ok(post(desk, loanPath + "/approve", Map.of(), LoanJson.class), "loan.approve")) {
            return;
        }
        if (random.nextInt(10) == 0) {
            released(post(desk, loanPath + "/reject", Map.of(), ReleasedJson.class), "loan.reject");
            return;
        }
        if (ok(post(desk, loanPath + "/checkout", Map.of(), LoanJson.class), "loan.checkout")
                && random.nextInt(4) != 0) {
            released(post(desk, loanPath + "/return", Map.of(), ReleasedJson.class), "loan.return");
        }
    }

    private boolean ok(Answer<LoanJson> answer, String action) {
        if (answer.status() != 200) {
            return false;
        }
        acknowledge(answer.body(), action);
        return true;
    }

    private void released(Answer<ReleasedJson> answer, String action) {
        if (answer.status() == 200) {
            acknowledge(answer.body().loan(), action);
            if (answer.body().offeredTo() != null) {
                acknowledge(answer.body().offeredTo(), "hold.offer");
            }
        }
    }

    private void acknowledge(LoanJson loan, String action) {
        acknowledgedLoans.merge(loan.id(), loan.state(), LendingCrashRecoveryTests::later);
        acknowledgedSteps.add(new Step("loan", loan.id(), action));
        steps.incrementAndGet();
    }

    private static String later(String a, String b) {
        return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
    }

    record Answer<T>(int status, @Nullable T body) {}

    private <T> Answer<T> post(RestClient http, String uri, Object body, Class<T> type) {
        return http.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> {
                    int status = response.getStatusCode().value();
                    if (status >= 500) {
                        serverErrors.add(uri + " → " + status + " "
                                + new String(response.getBody().readAllBytes()));
                    }
                    return new Answer<>(status, status < 300 ? response.bodyTo(type) : null);
                });
    }

    /** Every loan and hold this test's requests created: its origin and its present state are in the log. */
    private static void assertEveryCommittedStepAudited(
            Connection db, Set<String> audited, Set<UUID> seededLoans, Set<UUID> seededHolds) throws SQLException {
        try (var rows = db.createStatement()
                .executeQuery("SELECT id, state, hold_id, checked_out_at IS NOT NULL FROM lending_loan")) {
            while (rows.next()) {
                UUID loan = rows.getObject(1, UUID.class);
                if (seededLoans.contains(loan)) {
                    continue;
                }
                String state = rows.getString(2);
                UUID hold = rows.getObject(3, UUID.class);
                String on = "loan " + loan + " ";
                assertThat(audited.contains(on + "loan.request")
                                || audited.contains(on + "hold.offer")
                                || (hold != null && audited.contains("hold " + hold + " hold.place")))
                        .as("audit line of the request for loan %s", loan)
                        .isTrue();
                if (rows.getBoolean(4)) {
                    assertThat(audited).as("checkout of loan %s", loan).contains(on + "loan.checkout");
                }
                String action = switch (state) {
                    case "APPROVED" -> "loan.approve";
                    case "RETURNED" -> "loan.return";
                    case "REJECTED" -> "loan.reject";
                    case "CANCELLED" -> "loan.cancel";
                    default -> null;
                };
                if (action != null) {
                    assertThat(audited).as("%s loan %s", state, loan).contains(on + action);
                }
            }
        }
        for (UUID hold : ids(db, "SELECT id FROM lending_hold")) {
            if (!seededHolds.contains(hold)) {
                assertThat(audited).as("placing hold %s", hold).contains("hold " + hold + " hold.place");
            }
        }
    }

    /** After the restart: a new request is approved, handed over and taken back as always. */
    private void roundTripAfterRestart(List<CopyRow> copies, Map<UUID, String> adminOfSchool) throws SQLException {
        CopyRow copy;
        try (Connection db = DriverManager.getConnection(app.jdbcUrl(), "postgres", "")) {
            copy = freeCopy(db, copies);
        }
        RestClient teacher = app.signIn("teacher1");
        RestClient desk = app.signIn(adminOfSchool.get(copy.ownerSchoolId()));
        Answer<LoanJson> requested = post(teacher, "/api/lending/loans", Map.of("copyId", copy.id()), LoanJson.class);
        assertThat(requested.status()).isEqualTo(201);
        String loanPath = "/api/lending/loans/" + requested.body().id();
        assertThat(post(desk, loanPath + "/approve", Map.of(), LoanJson.class)
                        .body()
                        .state())
                .isEqualTo("APPROVED");
        assertThat(post(desk, loanPath + "/checkout", Map.of(), LoanJson.class)
                        .body()
                        .state())
                .isEqualTo("CHECKED_OUT");
        ReleasedJson returned =
                post(desk, loanPath + "/return", Map.of(), ReleasedJson.class).body();
        assertThat(returned.loan().state()).isEqualTo("RETURNED");
        assertThat(serverErrors).isEmpty();
        assertThat(teacher.get().uri(loanPath).retrieve().body(LoanJson.class).state())
                .isEqualTo("RETURNED");
    }

    /**
     * When the audit line cannot be written (here a trigger refuses it) the approval is refused as a
     * whole: the loan stays REQUESTED, rather than being approved with nobody recorded as approving.
     */
    private void stepWithoutItsAuditLineIsNotTaken(List<CopyRow> copies, Map<UUID, String> adminOfSchool)
            throws SQLException {
        try (Connection db = DriverManager.getConnection(app.jdbcUrl(), "postgres", "")) {
            CopyRow copy = freeCopy(db, copies);
            RestClient teacher = app.signIn("teacher2");
            RestClient desk = app.signIn(adminOfSchool.get(copy.ownerSchoolId()));
            UUID loan = post(teacher, "/api/lending/loans", Map.of("copyId", copy.id()), LoanJson.class)
                    .body()
                    .id();
            db.createStatement().execute("""
                    CREATE FUNCTION refuse_approval_line() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF NEW.action = 'loan.approve' THEN RAISE EXCEPTION 'audit log unavailable'; END IF;
                        RETURN NEW;
                    END $$;
                    CREATE TRIGGER refuse_approval_line BEFORE INSERT ON audit_event
                        FOR EACH ROW EXECUTE FUNCTION refuse_approval_line();
                    """);
            Answer<LoanJson> approval;
            try {
                approval = post(desk, "/api/lending/loans/" + loan + "/approve", Map.of(), LoanJson.class);
            } finally {
                db.createStatement().execute("""
                        DROP TRIGGER refuse_approval_line ON audit_event;
                        DROP FUNCTION refuse_approval_line();
                        """);
            }
            serverErrors.clear();
            assertThat(loanStates(db)).containsEntry(loan, "REQUESTED");
            assertThat(approval.status())
                    .as("approval answered without its audit line")
                    .isGreaterThanOrEqualTo(500);
            assertThat(post(desk, "/api/lending/loans/" + loan + "/approve", Map.of(), LoanJson.class)
                            .status())
                    .isEqualTo(200);
            assertThat(list(db, "SELECT action FROM audit_event WHERE target_id = '" + loan + "' ORDER BY id"))
                    .containsExactly("loan.request", "loan.approve");
        }
    }

    private static CopyRow freeCopy(Connection db, List<CopyRow> copies) throws SQLException {
        UUID free = UUID.fromString(list(db, """
                        SELECT c.id::text FROM lending_copy c WHERE NOT EXISTS (
                            SELECT 1 FROM lending_loan l WHERE l.copy_id = c.id
                              AND l.state IN ('REQUESTED', 'APPROVED', 'CHECKED_OUT'))
                        ORDER BY c.barcode LIMIT 1
                        """).getFirst());
        return copies.stream().filter(c -> c.id().equals(free)).findFirst().orElseThrow();
    }

    private static final String HALF_DONE = """
            SELECT 'loan ' || id || ' ' || state FROM lending_loan WHERE
                 (state = 'REQUESTED' AND (decided_at IS NOT NULL OR checked_out_at IS NOT NULL
                                           OR due_on IS NOT NULL OR returned_at IS NOT NULL))
              OR (state IN ('APPROVED', 'REJECTED') AND (decided_at IS NULL OR decided_by IS NULL
                                           OR checked_out_at IS NOT NULL OR due_on IS NOT NULL
                                           OR returned_at IS NOT NULL))
              OR (state = 'CANCELLED' AND (decided_at IS NULL OR checked_out_at IS NOT NULL
                                           OR returned_at IS NOT NULL))
              OR (state = 'CHECKED_OUT' AND (decided_at IS NULL OR decided_by IS NULL OR checked_out_at IS NULL
                                           OR due_on IS NULL OR returned_at IS NOT NULL))
              OR (state = 'RETURNED' AND (checked_out_at IS NULL OR due_on IS NULL OR returned_at IS NULL))
              OR (hold_id IS NOT NULL AND NOT EXISTS (
                     SELECT 1 FROM lending_hold h WHERE h.id = hold_id AND h.state = 'OFFERED' AND h.loan_id = lending_loan.id))
            UNION ALL
            SELECT 'hold ' || id || ' ' || state FROM lending_hold WHERE
                 (state = 'WAITING' AND (loan_id IS NOT NULL OR closed_at IS NOT NULL))
              OR (state = 'OFFERED' AND (closed_at IS NULL OR NOT EXISTS (
                     SELECT 1 FROM lending_loan l WHERE l.id = loan_id AND l.hold_id = lending_hold.id)))
              OR (state = 'CANCELLED' AND closed_at IS NULL)
            """;

    /** The lending seed runs after the app answers; its last step is teacher4's hold. */
    private Connection awaitSeededLending() {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(
                        () -> {
                            Connection db = DriverManager.getConnection(app.jdbcUrl(), "postgres", "");
                            if (list(db, "SELECT id::text FROM lending_hold").isEmpty()
                                    || list(db, "SELECT id::text FROM lending_loan")
                                                    .size()
                                            < 3) {
                                db.close();
                                return null;
                            }
                            return db;
                        },
                        java.util.Objects::nonNull);
    }

    private static List<CopyRow> copies(Connection db) throws SQLException {
        List<CopyRow> copies = new ArrayList<>();
        try (ResultSet rows =
                db.createStatement().executeQuery("SELECT id, title_id, owner_school_id FROM lending_copy")) {
            while (rows.next()) {
                copies.add(new CopyRow(
                        rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getObject(3, UUID.class)));
            }
        }
        return copies;
    }

    /** The demo school administrators admin1 … admin4, each at their school's desk. */
    private static Map<UUID, String> adminsBySchool(Connection db) throws SQLException {
        Map<UUID, String> admins = new HashMap<>();
        try (ResultSet rows = db.createStatement()
                .executeQuery("SELECT school_id, username FROM account WHERE username ~ '^admin[1-4]$'")) {
            while (rows.next()) {
                admins.put(rows.getObject(1, UUID.class), rows.getString(2));
            }
        }
        assertThat(admins).hasSize(4);
        return admins;
    }

    private static Map<UUID, String> loanStates(Connection db) throws SQLException {
        Map<UUID, String> states = new HashMap<>();
        try (ResultSet rows = db.createStatement().executeQuery("SELECT id, state FROM lending_loan")) {
            while (rows.next()) {
                states.put(rows.getObject(1, UUID.class), rows.getString(2));
            }
        }
        return states;
    }

    private static Set<UUID> ids(Connection db, String sql) throws SQLException {
        Set<UUID> ids = new java.util.HashSet<>();
        try (ResultSet rows = db.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private static List<String> list(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = db.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
