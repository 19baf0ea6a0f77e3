package org.lessoncommons.storage.lending;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.lessoncommons.storage.usage.UsageScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lending library's reports, summed in SQL over {@code lending_loan} within a {@link UsageScope}
 * and a half-open period {@code [from, to)}. A loan counts in the period its copy was checked out in;
 * requests that were rejected or cancelled, or are still waiting, lent nothing and count nowhere.
 *
 * <p>The scope reaches a loan through either end: a teacher's are those they borrowed, a school's
 * those its teachers borrowed and those of copies it owns, an alliance's those of its schools.
 */
@Component
public class LoanReports {

    /** Loans of the scope: {@code l} the loan, {@code c} its copy. */
    private static final String LOAN_SCOPE = """
            l.checked_out_at IS NOT NULL AND l.checked_out_at >= :from AND l.checked_out_at < :to
            AND (CAST(:account AS uuid) IS NULL OR l.borrower_id = :account)
            AND (CAST(:school AS uuid) IS NULL OR l.borrower_school_id = :school OR c.owner_school_id = :school)
            AND (CAST(:alliance AS uuid) IS NULL
                 OR l.borrower_school_id IN (SELECT id FROM school WHERE alliance_id = :alliance)
                 OR c.owner_school_id IN (SELECT id FROM school WHERE alliance_id = :alliance))
            """;

    private static final String SCOPED_LOANS = """
            SELECT l.*, c.owner_school_id, c.title_id
            FROM lending_loan l JOIN lending_copy c ON c.id = l.copy_id
            WHERE %s
            """.formatted(LOAN_SCOPE);

    /** A school's loans: those its teachers borrowed and those of copies it owns. */
    public record SchoolLoans(UUID schoolId, String schoolName, long borrowed, long lent) {}

    /** A month's loans ({@code 2026-09}), and how many of them went to another school. */
    public record MonthLoans(String month, long loans, long acrossSchools) {}

    public record TitleLoans(UUID titleId, String title, ItemKind kind, long copies, long loans) {}

    /** A school's copies and how many of them were never checked out. */
    public record IdleCopies(UUID schoolId, String schoolName, long copies, long neverBorrowed) {}

    /** A lending school's loans, those returned after their due day and those out past it still. */
    public record Lateness(UUID schoolId, String schoolName, long loans, long returnedLate, long outPastDue) {

        public long overdue() {
            return returnedLate + outPastDue;
        }

        /** The share of loans overdue, 0 to 1; 0 without loans. */
        public double rate() {
            return loans == 0 ? 0 : (double) overdue() / loans;
        }
    }

    private final JdbcClient jdbc;

    LoanReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every school at either end of a loan of the scope (core schools first, then by name). */
    public List<SchoolLoans> bySchool(UsageScope scope, Instant from, Instant to) {
        String sql = """
                WITH loans AS (%s),
                ends AS (
                    SELECT borrower_school_id AS school_id, 1 AS borrowed, 0 AS lent FROM loans
                    UNION ALL
                    SELECT owner_school_id, 0, 1 FROM loans)
                SELECT s.id, s.name, sum(ends.borrowed) AS borrowed, sum(ends.lent) AS lent
                FROM ends JOIN school s ON s.id = ends.school_id
                GROUP BY s.id, s.name, s.membership
                ORDER BY s.membership, s.name
                """.formatted(SCOPED_LOANS);
        return scoped(sql, scope, from, to)
                .query((rs, row) -> new SchoolLoans(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getLong("borrowed"),
                        rs.getLong("lent")))
                .list();
    }

    /** Loans per month of check-out in the zone, months without loans left out. */
    public List<MonthLoans> byMonth(UsageScope scope, Instant from, Instant to, ZoneId zone) {
        String sql = """
                SELECT to_char(checked_out_at AT TIME ZONE :zone, 'YYYY-MM') AS month,
                       count(*) AS loans,
                       count(*) FILTER (WHERE borrower_school_id <> owner_school_id) AS across
                FROM (%s) loans
                GROUP BY 1
                ORDER BY 1
                """.formatted(SCOPED_LOANS);
        return scoped(sql, scope, from, to)
                .param("zone", zone.getId())
                .query((rs, row) -> new MonthLoans(rs.getString("month"), rs.getLong("loans"), rs.getLong("across")))
                .list();
    }

    /** The titles lent most, ties by title. */
    public List<TitleLoans> topTitles(UsageScope scope, Instant from, Instant to, int limit) {
        String sql = """
                SELECT t.id, t.title, t.kind, count(*) AS loans,
                       (SELECT count(*) FROM lending_copy c2 WHERE c2.title_id = t.id) AS copies
                FROM (%s) loans JOIN lending_title t ON t.id = loans.title_id
                GROUP BY t.id, t.title, t.kind
                ORDER BY count(*) DESC, t.title, t.id
                LIMIT :limit
                """.formatted(SCOPED_LOANS);
        return scoped(sql, scope, from, to)
                .param("limit", limit)
                .query((rs, row) -> new TitleLoans(
                        rs.getObject("id", UUID.class),
                        rs.getString("title"),
                        ItemKind.valueOf(rs.getString("kind")),
                        rs.getLong("copies"),
                        rs.getLong("loans")))
                .list();
    }

    /**
     * Per owning school of the scope, its copies acquired before {@code to} and those never checked
     * out before {@code to}. Copies belong to schools, not people: a teacher's scope is their school.
     */
    public List<IdleCopies> neverBorrowed(UsageScope scope, Instant to) {
        String sql = """
                SELECT s.id, s.name, count(*) AS copies,
                       count(*) FILTER (WHERE NOT EXISTS (
                           SELECT 1 FROM lending_loan l
                           WHERE l.copy_id = c.id AND l.checked_out_at IS NOT NULL AND l.checked_out_at < :to))
                           AS never_borrowed
                FROM lending_copy c JOIN school s ON s.id = c.owner_school_id
                WHERE c.created_at < :to
                  AND (CAST(:school AS uuid) IS NULL OR c.owner_school_id = :school)
                  AND (CAST(:alliance AS uuid) IS NULL OR s.alliance_id = :alliance)
                GROUP BY s.id, s.name, s.membership
                ORDER BY s.membership, s.name
                """;
        return jdbc.sql(sql)
                .param("school", scope.schoolId())
                .param("alliance", scope.allianceId())
                .param("to", Timestamp.from(to))
                .query((rs, row) -> new IdleCopies(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getLong("copies"),
                        rs.getLong("never_borrowed")))
                .list();
    }

    /**
     * Per lending (owning) school, the scope's loans of the period, those returned on a day (in the
     * zone) after their due day, and those still out with their due day before {@code today}.
     */
    public List<Lateness> lateness(UsageScope scope, Instant from, Instant to, ZoneId zone, LocalDate today) {
        String sql = """
                SELECT s.id, s.name, count(*) AS loans,
                       count(*) FILTER (WHERE loans.returned_at IS NOT NULL
                                        AND CAST(loans.returned_at AT TIME ZONE :zone AS date) > loans.due_on)
                           AS returned_late,
                       count(*) FILTER (WHERE loans.state = 'CHECKED_OUT' AND loans.due_on < :today)
                           AS out_past_due
                FROM (%s) loans JOIN school s ON s.id = loans.owner_school_id
                GROUP BY s.id, s.name, s.membership
                ORDER BY s.membership, s.name
                """.formatted(SCOPED_LOANS);
        return scoped(sql, scope, from, to)
                .param("zone", zone.getId())
                .param("today", today)
                .query((rs, row) -> new Lateness(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getLong("loans"),
                        rs.getLong("returned_late"),
                        rs.getLong("out_past_due")))
                .list();
    }

    private JdbcClient.StatementSpec scoped(String sql, UsageScope scope, Instant from, Instant to) {
        return jdbc.sql(sql)
                .param("account", scope.accountId())
                .param("school", scope.schoolId())
                .param("alliance", scope.allianceId())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to));
    }
}
