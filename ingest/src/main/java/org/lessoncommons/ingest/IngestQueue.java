package org.lessoncommons.ingest;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The durable ingest queue: rows of {@code ingest_job}, written in the same transaction as their
 * material (a transactional outbox). A claimed job is leased, so a worker that dies mid-job (even
 * by kill -9) only delays it until the lease runs out.
 */
class IngestQueue {

    record Job(UUID materialId, int attempts) {}

    private final JdbcClient jdbc;
    private final Duration lease;

    IngestQueue(JdbcClient jdbc, Duration lease) {
        this.jdbc = jdbc;
        this.lease = lease;
    }

    void enqueue(UUID materialId) {
        jdbc.sql("INSERT INTO ingest_job (material_id) VALUES (:id) ON CONFLICT (material_id) DO NOTHING")
                .param("id", materialId)
                .update();
    }

    /** Takes the oldest due job, if any; SKIP LOCKED lets several workers claim side by side. */
    Optional<Job> claim() {
        return jdbc.sql("""
                        UPDATE ingest_job SET attempts = attempts + 1,
                               locked_until = now() + make_interval(secs => :lease)
                        WHERE material_id = (
                            SELECT material_id FROM ingest_job
                            WHERE next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
                            ORDER BY next_attempt_at
                            LIMIT 1
                            FOR UPDATE SKIP LOCKED)
                        RETURNING material_id, attempts
                        """)
                .param("lease", lease.toSeconds())
                .query((rs, row) -> new Job(rs.getObject("material_id", UUID.class), rs.getInt("attempts")))
                .optional();
    }

    void complete(UUID materialId) {
        jdbc.sql("DELETE FROM ingest_job WHERE material_id = :id")
                .param("id", materialId)
                .update();
    }

    void retryLater(UUID materialId, Duration delay, String error) {
        jdbc.sql("""
                        UPDATE ingest_job SET locked_until = NULL, last_error = :error,
                               next_attempt_at = now() + make_interval(secs => :delay)
                        WHERE material_id = :id
                        """)
                .param("id", materialId)
                .param("delay", delay.toMillis() / 1000.0)
                .param("error", error)
                .update();
    }

    long pending() {
        return jdbc.sql("SELECT count(*) FROM ingest_job").query(Long.class).single();
    }

    @Nullable
    String lastError(UUID materialId) {
        return jdbc.sql("SELECT last_error FROM ingest_job WHERE material_id = :id")
                .param("id", materialId)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
