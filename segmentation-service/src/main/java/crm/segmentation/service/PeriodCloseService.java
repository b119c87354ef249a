package crm.segmentation.service;

import crm.db.AdvisoryLock;
import crm.events.outbox.Outbox;
import crm.events.segment.SegmentEvents;
import crm.rest.Page;
import crm.rest.ProblemException;
import crm.segmentation.config.SegmentationConfig;
import crm.segmentation.domain.Period;
import crm.segmentation.domain.PeriodClose;
import crm.segmentation.domain.PyramidScheme;
import crm.segmentation.event.SegmentChangeSource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

/**
 * Closes a period: every known customer gets exactly one level, cut from the month totals kept as
 * transactions arrive (a quarter's are summed from its months'; the ledger itself is not re-read). A
 * first close loads the levels into a partition of their own, indexed once the close has answered
 * ({@link LevelIndexes}); each customer whose
 * level differs from the previous close gets one SegmentChanged event, read from those rows by
 * {@link SegmentChangeSource} when the relay publishes them. Closing again changes nothing; a
 * recompute (after late transactions) rewrites only the rows that differ and announces only the
 * levels it changed.
 */
@ApplicationScoped
public class PeriodCloseService {
    private static final Logger LOG = Logger.getLogger(PeriodCloseService.class);
    private final EntityManager em;
    private final AgroalDataSource db;
    private final Outbox outbox;
    private final PyramidScheme scheme;
    private final SegmentationConfig config;
    private final QuarterTotals quarterTotals;
    private final LevelSql levels;
    private final LevelIndexes indexes;
    private final ValueMetrics values;

    /** Fills the upper half of a close's levels while the request's thread fills the lower half. */
    private final ManagedExecutor loader;
    /** Computes the new close's RFM quintiles after it has answered. */
    private final ManagedExecutor followUp;

    public PeriodCloseService(EntityManager em, AgroalDataSource db, Outbox outbox, PyramidScheme scheme, SegmentationConfig config,
            QuarterTotals quarterTotals, LevelSql levels, LevelIndexes indexes, ValueMetrics values) {
        this.em = em;
        this.db = db;
        this.outbox = outbox;
        this.scheme = scheme;
        this.config = config;
        this.quarterTotals = quarterTotals;
        this.levels = levels;
        this.indexes = indexes;
        this.values = values;
        this.loader = oneAtATime();
        this.followUp = oneAtATime();
    }

    /** An executor of one task at a time, with none of the caller's context (each task opens its own transaction). */
    private static ManagedExecutor oneAtATime() {
        return ManagedExecutor.builder().maxAsync(1).propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING).build();
    }

    @PreDestroy
    void stop() {
        loader.shutdown();
        followUp.shutdown();
    }

    /** The period's close, and whether this request computed it (false: it was closed already). */
    public record Closed(PeriodClose close, boolean computed) {
    }

    /**
     * {@code by}: the caller's name, kept as who closed (or recomputed) the period. A period that has
     * not ended is a 409: its levels would rest on part of its sales, or on none.
     */
    public Closed close(Period period, boolean recompute, String by) {
        if (!period.hasEndedAt(Instant.now(), config.zone())) {
            throw ProblemException.conflict("period", period.name() + " has not ended; it can be closed from "
                    + period.dayAfter() + " 00:00 " + config.zone() + " (" + period.end(config.zone()) + ")");
        }
        if (recompute) {
            awaitPublished(period);
        }
        Closed closed = QuarkusTransaction.requiringNew().call(() -> closeNow(period, recompute, by));
        if (closed.computed()) {
            followUp(period);
        }
        return closed;
    }

    /** What reads of the new levels need, made once the close has committed: the parts' indexes, the RFM quintiles. */
    private void followUp(Period period) {
        try {
            indexes.buildMissing();
            CompletableFuture.runAsync(values::computeLatestCuts, followUp).exceptionally(e -> {
                LOG.warnf("The RFM quintiles were not computed after the close of %s (the first lookup computes them): %s",
                        period.name(), e.getMessage());
                return null;
            });
        } catch (RejectedExecutionException e) {
            LOG.infof("Stopping: the close of %s is committed; its indexes and quintiles follow at the next start or lookup",
                    period.name());
        }
    }

    /** The closed periods, latest first. */
    @Transactional
    public Page<PeriodClose> closed(int page, int size) {
        Page.check(page, size, config.maxPageSize());
        var query = PeriodClose.<PeriodClose>find("order by dayAfter desc, period");
        return Page.of(page, size, query.count(), () -> query.page(page, size).list());
    }

    private Closed closeNow(Period period, boolean recompute, String by) {
        // Two closes of one period queue up instead of racing.
        AdvisoryLock.of("period-close", period.name()).holdUntilCommit(db);
        PeriodClose existing = PeriodClose.findById(period.name());
        if (existing != null && !recompute) {
            return new Closed(existing, false);
        }
        if (existing != null && publishing(period)) {
            throw ProblemException.conflict("period", "the segment changes of " + period.name()
                    + " are still being published; recompute once they are out");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String previous = previousClose(period);
        int revision = existing == null ? 0 : existing.revision + 1;
        if (period.isQuarter()) {
            quarterTotals.sum(period);
        }
        Counts counts;
        if (existing == null) {
            counts = load(period, previous);
        } else {
            rewrite(period, previous, revision);
            values.forgetCuts(period.name());
            counts = Counts.of(rows("""
                    SELECT count(*), count(*) FILTER (WHERE purchases > 0), count(*) FILTER (WHERE direction IS NOT NULL),
                        count(*) FILTER (WHERE revision = :revision)
                    FROM period_level WHERE period = :period""", Map.of("period", period.name(), "revision", revision)));
        }
        if (counts.announced() > 0) {
            outbox.publishBulk(SegmentEvents.CHANGED, SegmentChangeSource.NAME,
                    SegmentChangeSource.reference(period, revision));
        }
        PeriodClose close = existing != null ? existing : new PeriodClose();
        close.period = period.name();
        close.firstDay = period.firstDay();
        close.dayAfter = period.dayAfter();
        close.metric = scheme.metric().name();
        close.levels = scheme.allLevels();
        close.customers = (int) counts.customers();
        close.active = (int) counts.active();
        close.changes = (int) counts.changes();
        close.revision = revision;
        if (existing == null) {
            close.closedAt = now;
            close.closedBy = by;
            close.persist();
        } else {
            close.recomputedAt = now;
            close.recomputedBy = by;
        }
        return new Closed(close, true);
    }

    /** A close's levels: customers, those active, those whose level changed, and those this revision announces. */
    private record Counts(long customers, long active, long changes, long announced) {
        static Counts of(List<?> rows) {
            Object[] row = (Object[]) rows.get(0);
            return new Counts(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue(), ((Number) row[3]).longValue());
        }

        Counts plus(Counts other) {
            return new Counts(customers + other.customers, active + other.active, changes + other.changes,
                    announced + other.announced);
        }
    }

    /**
     * The first close: the levels go into a new table, attached as the period's partition once it is
     * filled. Every change of level is announced by this close (revision 0). The table is
     * split by rank (V8__period_level_in_two_parts.sql) into the customers ranked above a pivot value
     * and the rest; both parts are filled at once, each on a connection of its own and sorted on its
     * own. The table is invisible until this transaction attaches it; one left behind
     * by a close that failed is dropped by the next one.
     */
    private Counts load(Period period, String previous) {
        // The ranking and both parts read the totals as of one moment, this transaction's, whatever sales
        // arrive meanwhile: each customer is in exactly one part, ranked once.
        String snapshot = (String) rows("SELECT pg_export_snapshot()", Map.of()).get(0);
        Ranking ranking = QuarkusTransaction.requiringNew().call(() -> {
            useSnapshot(snapshot);
            return ranking(period);
        });
        // Named as V6__period_level_partitions.sql names them: period_level_2026_10, period_level_2026_q3.
        String table = "period_level_" + period.name().toLowerCase(Locale.ROOT).replace('-', '_');
        String upperPart = table + "_upper";
        String lowerPart = table + "_rest";
        QuarkusTransaction.requiringNew().run(() -> {
            rows("""
                    SELECT format('DROP TABLE %I', c.relname) FROM pg_class c
                    WHERE c.oid = to_regclass(:table) AND NOT EXISTS (SELECT FROM pg_inherits WHERE inhrelid = c.oid)""",
                    Map.of("table", table)).forEach(drop -> update((String) drop, Map.of()));
            // The CHECK constraint, which both parts inherit, spares the attach a scan of them.
            update("CREATE TABLE " + table + " (LIKE period_level, CHECK (period = '" + period.name()
                    + "')) PARTITION BY RANGE (rank)", Map.of());
            if (ranking.above() > 0) {
                update("CREATE TABLE " + upperPart + " PARTITION OF " + table + " FOR VALUES FROM (1) TO ("
                        + (ranking.above() + 1) + ")", Map.of());
            }
            update("CREATE TABLE " + lowerPart + " PARTITION OF " + table + " DEFAULT", Map.of());
        });
        // The rows are counted as they are written (the first close announces every change), not read again.
        String insert = """
                WITH n AS (INSERT INTO %s (period, customer_id, level, revenue, margin, purchases, rank, from_level,
                        direction, revision, announced_from)
                    SELECT period, customer_id, level, revenue, margin, purchases, rank, from_level, direction,
                        CASE WHEN direction IS NOT NULL THEN 0 END, CASE WHEN direction IS NOT NULL THEN from_level END
                    FROM (%s) n
                    RETURNING purchases, direction)
                SELECT count(*), count(*) FILTER (WHERE purchases > 0), count(direction), count(direction) FROM n""";
        String pivot = ranking.above() == 0 ? null : levels.metric() + " > " + ranking.pivot().toPlainString();
        String active = Long.toString(ranking.ranked());
        CompletableFuture<Counts> upper = pivot == null ? CompletableFuture.completedFuture(new Counts(0, 0, 0, 0))
                : CompletableFuture.supplyAsync(() -> fill(snapshot, insert.formatted(upperPart,
                        levels.select(period, previous, active, levels.ranked("AND " + pivot, 0), false)),
                        levels.params(period, previous, false)), loader);
        Counts lower;
        try {
            lower = fill(snapshot, insert.formatted(lowerPart, levels.select(period, previous, active,
                    levels.ranked(pivot == null ? "" : "AND NOT " + pivot, ranking.above()), true)),
                    levels.params(period, previous, true));
        } finally {
            upper.handle((counts, failure) -> counts).join(); // the other part ends before this one's failure is told
        }
        Counts counts = upper.join().plus(lower);
        update("ALTER TABLE period_level ATTACH PARTITION " + table + " FOR VALUES IN ('" + period.name() + "')",
                Map.of());
        return counts;
    }

    /**
     * How many customers are ranked, and where the first close splits the ranking in two: a pivot
     * near the median of the metric (from a sample of the totals; all of them when the sample finds
     * none) and the count of customers above it, who take the first ranks. No pivot: no one is ranked.
     */
    private record Ranking(long ranked, BigDecimal pivot, long above) {
    }

    private Ranking ranking(Period period) {
        String median = "SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY " + levels.metric()
                + ") FROM customer_period %s WHERE period = :period AND " + levels.rankedCondition();
        Map<String, Object> params = Map.of("period", period.name());
        Object pivot = rows(median.formatted("TABLESAMPLE SYSTEM (1)"), params).get(0);
        if (pivot == null) {
            pivot = rows(median.formatted(""), params).get(0);
        }
        if (pivot == null) {
            return new Ranking(0, null, 0);
        }
        BigDecimal value = (BigDecimal) pivot;
        Object[] counts = (Object[]) rows("SELECT count(*), count(*) FILTER (WHERE " + levels.metric() + " > "
                + value.toPlainString() + ") FROM customer_period WHERE period = :period AND " + levels.rankedCondition(),
                params).get(0);
        return new Ranking(((Number) counts[0]).longValue(), value, ((Number) counts[1]).longValue());
    }

    /** Fills one part of the levels in a transaction of its own, as of the snapshot; returns its counts. */
    private Counts fill(String snapshot, String sql, Map<String, Object> params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            useSnapshot(snapshot);
            // Ranking a million customers sorts in memory instead of on disk (this transaction only).
            update("SET LOCAL work_mem = '256MB'", Map.of());
            return Counts.of(rows(sql, params));
        });
    }

    /**
     * A recompute: rewrites only the rows that differ; a customer whose level changed is announced
     * again by this revision, from the level announced before.
     */
    private void rewrite(Period period, String previous, int revision) {
        Map<String, Object> params = levels.params(period, previous, true);
        params.put("revision", revision);
        // Ranking a million customers sorts in memory instead of on disk (this transaction only).
        update("SET LOCAL work_mem = '256MB'", Map.of());
        // One join of the new levels with the old tells each row's fate: changed, new (a customer known
        // since the close, who starts from PROSPECT), gone (a merged-away duplicate) or unchanged.
        update("""
                WITH n AS MATERIALIZED (%s),
                d AS MATERIALIZED (
                    SELECT n.*, o.customer_id AS old_customer_id, o.level AS old_level, o.revision AS old_revision,
                        o.announced_from AS old_announced_from
                    FROM n FULL JOIN (SELECT * FROM period_level WHERE period = :period) o
                        ON o.customer_id = n.customer_id
                    WHERE o.customer_id IS NULL OR n.customer_id IS NULL
                       OR (o.level, o.revenue, o.margin, o.purchases, o.rank, o.from_level, o.direction)
                          IS DISTINCT FROM (n.level, n.revenue, n.margin, n.purchases, n.rank, n.from_level, n.direction)
                ),
                changed AS (
                    UPDATE period_level o SET level = d.level, revenue = d.revenue, margin = d.margin,
                        purchases = d.purchases, rank = d.rank, from_level = d.from_level, direction = d.direction,
                        revision = CASE WHEN d.old_level <> d.level THEN :revision ELSE d.old_revision END,
                        announced_from = CASE WHEN d.old_level <> d.level THEN d.old_level ELSE d.old_announced_from END
                    FROM d WHERE o.period = :period AND o.customer_id = d.customer_id AND d.old_customer_id IS NOT NULL
                ),
                fresh AS (
                    INSERT INTO period_level (period, customer_id, level, revenue, margin, purchases, rank, from_level,
                        direction, revision, announced_from)
                    SELECT :period, customer_id, level, revenue, margin, purchases, rank, from_level, direction,
                        CASE WHEN level <> 'PROSPECT' THEN :revision END, CASE WHEN level <> 'PROSPECT' THEN 'PROSPECT' END
                    FROM d WHERE old_customer_id IS NULL
                )
                DELETE FROM period_level o USING d
                WHERE o.period = :period AND o.customer_id = d.old_customer_id AND d.customer_id IS NULL"""
                .formatted(levels.select(period, previous, "(SELECT count(*) FROM customer_period WHERE period = :period"
                        + " AND " + levels.rankedCondition() + ")", levels.ranked("", 0), true)), params);
    }

    /** Reads as of a snapshot another transaction exported (the first statement of a transaction). */
    private void useSnapshot(String snapshot) {
        update("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", Map.of());
        update("SET TRANSACTION SNAPSHOT '" + snapshot + "'", Map.of());
    }

    /** The latest closed period of the same kind before this one; none: everyone was a prospect. */
    private String previousClose(Period period) {
        List<?> found = em.createNativeQuery("""
                SELECT period FROM period_close
                WHERE day_after <= :start AND (period LIKE '%Q%') = :quarter ORDER BY day_after DESC LIMIT 1""")
                .setParameter("start", period.firstDay())
                .setParameter("quarter", period.isQuarter())
                .getResultList();
        return found.isEmpty() ? "" : (String) found.get(0);
    }

    /**
     * A recompute rewrites the rows the period's events are read from, so it waits until the events
     * of earlier closes of the period are out (a moment after each close, when Kafka is up).
     */
    private void awaitPublished(Period period) {
        Instant deadline = Instant.now().plus(config.recomputeWait());
        while (QuarkusTransaction.requiringNew().call(() -> publishing(period)) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean publishing(Period period) {
        return !em.createNativeQuery("""
                SELECT 1 FROM outbox_event WHERE sent_at IS NULL AND bulk = ?1 AND event_key LIKE ?2 LIMIT 1""")
                .setParameter(1, SegmentChangeSource.NAME)
                .setParameter(2, period.name() + "/%")
                .getResultList().isEmpty();
    }

    private void update(String sql, Map<String, Object> params) {
        var query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        query.executeUpdate();
    }

    private List<?> rows(String sql, Map<String, Object> params) {
        var query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        return query.getResultList();
    }
}
