package org.lessoncommons.storage.lending;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The lending library's lists, read in one query each with the names people read. */
@Component
public class LendingQueries {

    private static final int MAX_LINES = 500;

    private static final String LOAN_LINES = """
            SELECT l.id AS loan_id, l.state, c.id AS copy_id, c.barcode, t.id AS title_id, t.title, t.kind,
                   c.owner_school_id, os.name AS owner_school_name, c.shelf_school_id, ss.name AS shelf_school_name,
                   l.borrower_id, a.display_name AS borrower_name, l.borrower_school_id, bs.name AS borrower_school_name,
                   l.requested_at, l.due_on, l.renewals, l.returned_at, l.hold_id IS NOT NULL AS from_hold
            FROM lending_loan l
            JOIN lending_copy c ON c.id = l.copy_id
            JOIN lending_title t ON t.id = c.title_id
            JOIN school os ON os.id = c.owner_school_id
            JOIN school ss ON ss.id = c.shelf_school_id
            JOIN account a ON a.id = l.borrower_id
            JOIN school bs ON bs.id = l.borrower_school_id
            """;

    private final JdbcClient jdbc;

    LendingQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LoanLine> loan(UUID loanId) {
        return jdbc.sql(LOAN_LINES + " WHERE l.id = :id")
                .param("id", loanId)
                .query(LendingQueries::loanLine)
                .optional();
    }

    /** A person's loans, newest first. */
    public List<LoanLine> loansOf(UUID borrowerId) {
        return jdbc.sql(LOAN_LINES + " WHERE l.borrower_id = :borrower ORDER BY l.requested_at DESC LIMIT :max")
                .param("borrower", borrowerId)
                .param("max", MAX_LINES)
                .query(LendingQueries::loanLine)
                .list();
    }

    /** Requested, approved and checked-out loans of copies the school owns or shelves. */
    public List<LoanLine> atDesk(UUID schoolId) {
        return jdbc.sql(LOAN_LINES + """
                         WHERE (c.owner_school_id = :school OR c.shelf_school_id = :school)
                           AND l.state IN ('REQUESTED', 'APPROVED', 'CHECKED_OUT')
                         ORDER BY l.due_on NULLS FIRST, l.requested_at LIMIT :max
                        """)
                .param("school", schoolId)
                .param("max", MAX_LINES)
                .query(LendingQueries::loanLine)
                .list();
    }

    /**
     * Checked-out loans due on or before {@code by}, soonest first: with {@code by} = yesterday the
     * overdue list, with a few days ahead the reminders list. Limited to a school's desk or to an
     * alliance when given.
     */
    public List<LoanLine> dueBy(LocalDate by, @Nullable UUID schoolId, @Nullable UUID allianceId) {
        return jdbc.sql(LOAN_LINES + """
                         WHERE l.state = 'CHECKED_OUT' AND l.due_on <= :by
                           AND (CAST(:school AS uuid) IS NULL OR c.owner_school_id = :school OR c.shelf_school_id = :school)
                           AND (CAST(:alliance AS uuid) IS NULL OR t.alliance_id = :alliance)
                         ORDER BY l.due_on, a.display_name LIMIT :max
                        """)
                .param("by", by)
                .param("school", schoolId)
                .param("alliance", allianceId)
                .param("max", MAX_LINES)
                .query(LendingQueries::loanLine)
                .list();
    }

    /** Every loan of a copy, newest first. */
    public List<LoanLine> historyOf(UUID copyId) {
        return jdbc.sql(LOAN_LINES + " WHERE l.copy_id = :copy ORDER BY l.requested_at DESC LIMIT :max")
                .param("copy", copyId)
                .param("max", MAX_LINES)
                .query(LendingQueries::loanLine)
                .list();
    }

    /** The copies of a title, each with its active loan if it has one. */
    public List<CopyLine> copiesOf(UUID titleId) {
        return jdbc.sql("""
                        SELECT c.id, c.barcode, c.owner_school_id, os.name AS owner_name, c.shelf_school_id,
                               ss.name AS shelf_name, l.id AS loan_id, l.state, l.borrower_id, l.due_on
                        FROM lending_copy c
                        JOIN school os ON os.id = c.owner_school_id
                        JOIN school ss ON ss.id = c.shelf_school_id
                        LEFT JOIN lending_loan l ON l.copy_id = c.id AND l.state IN ('REQUESTED', 'APPROVED', 'CHECKED_OUT')
                        WHERE c.title_id = :title
                        ORDER BY os.name, c.barcode
                        """)
                .param("title", titleId)
                .query((rs, row) -> new CopyLine(
                        rs.getObject("id", UUID.class),
                        rs.getString("barcode"),
                        rs.getObject("owner_school_id", UUID.class),
                        rs.getString("owner_name"),
                        rs.getObject("shelf_school_id", UUID.class),
                        rs.getString("shelf_name"),
                        rs.getObject("loan_id", UUID.class),
                        rs.getString("state") == null ? null : LoanState.valueOf(rs.getString("state")),
                        rs.getObject("borrower_id", UUID.class),
                        rs.getObject("due_on", LocalDate.class)))
                .list();
    }

    /** A person's holds (newest first), or the waiting queue of a title (first first). */
    public List<HoldLine> holdsOf(UUID accountId) {
        return holds("h.account_id = :id ORDER BY h.placed_at DESC LIMIT " + MAX_LINES, accountId);
    }

    public List<HoldLine> queueOf(UUID titleId) {
        return holds("h.title_id = :id AND h.state = 'WAITING' ORDER BY h.placed_at, h.id", titleId);
    }

    private List<HoldLine> holds(String where, UUID id) {
        return jdbc.sql("""
                        SELECT h.id, h.title_id, t.title, t.kind, h.account_id, a.display_name, h.state, h.placed_at,
                               h.loan_id,
                               CASE WHEN h.state = 'WAITING' THEN (
                                   SELECT count(*) FROM lending_hold q WHERE q.title_id = h.title_id AND q.state = 'WAITING'
                                     AND (q.placed_at, q.id) <= (h.placed_at, h.id)) ELSE 0 END AS position
                        FROM lending_hold h
                        JOIN lending_title t ON t.id = h.title_id
                        JOIN account a ON a.id = h.account_id
                        WHERE """ + " " + where)
                .param("id", id)
                .query((rs, row) -> new HoldLine(
                        rs.getObject("id", UUID.class),
                        rs.getObject("title_id", UUID.class),
                        rs.getString("title"),
                        ItemKind.valueOf(rs.getString("kind")),
                        rs.getObject("account_id", UUID.class),
                        rs.getString("display_name"),
                        HoldState.valueOf(rs.getString("state")),
                        rs.getTimestamp("placed_at").toInstant(),
                        rs.getInt("position"),
                        rs.getObject("loan_id", UUID.class)))
                .list();
    }

    /** Titles as the catalog index holds them; all of them, or one. */
    public List<CatalogRow> catalog(@Nullable UUID titleId) {
        return jdbc.sql("""
                        SELECT t.id, t.alliance_id, t.kind, t.title, t.author, t.publisher, t.isbn, t.model,
                               coalesce(array_agg(DISTINCT c.owner_school_id) FILTER (WHERE c.id IS NOT NULL), '{}') AS owners,
                               coalesce(array_agg(c.barcode) FILTER (WHERE c.id IS NOT NULL), '{}') AS barcodes,
                               count(c.id) AS copies,
                               count(c.id) FILTER (WHERE NOT EXISTS (
                                   SELECT 1 FROM lending_loan l WHERE l.copy_id = c.id
                                     AND l.state IN ('REQUESTED', 'APPROVED', 'CHECKED_OUT'))) AS available
                        FROM lending_title t
                        LEFT JOIN lending_copy c ON c.title_id = t.id
                        WHERE CAST(:title AS uuid) IS NULL OR t.id = :title
                        GROUP BY t.id
                        """)
                .param("title", titleId)
                .query((rs, row) -> new CatalogRow(
                        rs.getObject("id", UUID.class),
                        rs.getObject("alliance_id", UUID.class),
                        ItemKind.valueOf(rs.getString("kind")),
                        rs.getString("title"),
                        rs.getString("author"),
                        rs.getString("publisher"),
                        rs.getString("isbn"),
                        rs.getString("model"),
                        array(rs.getArray("owners"), UUID.class),
                        array(rs.getArray("barcodes"), String.class),
                        rs.getInt("copies"),
                        rs.getInt("available")))
                .list();
    }

    private static <T> List<T> array(Array array, Class<T> type) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(type::cast).toList();
    }

    private static LoanLine loanLine(ResultSet rs, int row) throws SQLException {
        java.sql.Timestamp returned = rs.getTimestamp("returned_at");
        return new LoanLine(
                rs.getObject("loan_id", UUID.class),
                LoanState.valueOf(rs.getString("state")),
                rs.getObject("copy_id", UUID.class),
                rs.getString("barcode"),
                rs.getObject("title_id", UUID.class),
                rs.getString("title"),
                ItemKind.valueOf(rs.getString("kind")),
                rs.getObject("owner_school_id", UUID.class),
                rs.getString("owner_school_name"),
                rs.getObject("shelf_school_id", UUID.class),
                rs.getString("shelf_school_name"),
                rs.getObject("borrower_id", UUID.class),
                rs.getString("borrower_name"),
                rs.getObject("borrower_school_id", UUID.class),
                rs.getString("borrower_school_name"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getObject("due_on", LocalDate.class),
                rs.getInt("renewals"),
                returned == null ? null : returned.toInstant(),
                rs.getBoolean("from_hold"));
    }
}
