package org.lessoncommons.web.lending;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.lessoncommons.ingest.lending.CatalogIndexing;
import org.lessoncommons.storage.AuditEvent;
import org.lessoncommons.storage.AuditLog;
import org.lessoncommons.storage.lending.Circulation;
import org.lessoncommons.storage.lending.Copies;
import org.lessoncommons.storage.lending.Copy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every hour lets lapse the offers nobody came for ({@link Circulation#lapseOffers}): a copy kept
 * for the first in a title's queue goes on to the next instead of waiting on the shelf for ever.
 * Each lapse is written to the audit log of the copy's owning school, and the catalog's
 * availability of the titles it moved is refreshed. (Public for the integration tests, which let
 * offers lapse without waiting an hour.)
 */
@Component
public class OfferLapses implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OfferLapses.class);
    private static final Duration EVERY = Duration.ofHours(1);

    private final Circulation circulation;
    private final Copies copies;
    private final CatalogIndexing indexing;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;
    private @Nullable ScheduledExecutorService timer;

    OfferLapses(
            Circulation circulation,
            Copies copies,
            CatalogIndexing indexing,
            AuditLog auditLog,
            TransactionTemplate transaction) {
        this.circulation = circulation;
        this.copies = copies;
        this.indexing = indexing;
        this.auditLog = auditLog;
        this.transaction = transaction;
    }

    /** Lets the overdue offers lapse now; what was released, in the order the offers were made. */
    public List<Circulation.Released> lapse() {
        List<UUID> titles = new ArrayList<>();
        // Each lapse and its audit line commit together, as every other step of circulation does.
        List<Circulation.Released> lapsed = transaction.execute(status -> {
            List<Circulation.Released> released = circulation.lapseOffers();
            for (Circulation.Released one : released) {
                Copy copy = copies.findById(one.loan().copyId()).orElseThrow();
                auditLog.record(new AuditEvent(
                        null,
                        Instant.now(),
                        null,
                        "system",
                        copy.ownerSchoolId(),
                        "loan.lapse",
                        "loan",
                        one.loan().id().toString(),
                        copy.barcode()
                                + one.offered()
                                        .map(next -> ", offered to the next in the queue")
                                        .orElse(", back on the shelf"),
                        null));
                titles.add(copy.titleId());
            }
            return released;
        });
        // After the commit, as for the other steps: the catalog is rebuilt from PostgreSQL at start.
        indexing.refresh(titles);
        if (!lapsed.isEmpty()) {
            log.info("{} unclaimed offers lapsed", lapsed.size());
        }
        return lapsed;
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "lending-offer-lapses");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::lapseQuietly, EVERY.toMinutes(), EVERY.toMinutes(), TimeUnit.MINUTES);
        timer = started;
    }

    private void lapseQuietly() {
        try {
            lapse();
        } catch (RuntimeException e) {
            // The database may be away for a while; the next round tries again.
            log.warn("Could not let unclaimed offers lapse: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
