package crm.segmentation.service;

import crm.events.outbox.Outbox;
import crm.events.segment.SegmentEvents;
import crm.rest.ProblemException;
import crm.segmentation.config.SegmentationConfig;
import crm.segmentation.domain.Period;
import crm.segmentation.domain.PeriodClose;
import crm.segmentation.domain.PyramidScheme;
import crm.segmentation.event.SegmentChangeSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Closes a period: every known customer gets exactly one level, cut from the per-period totals
 * kept as transactions arrive (the ledger itself is not re-read). A first close loads the levels
 * into a partition of their own and indexes it once; each customer whose level differs from the
 * previous close gets one SegmentChanged event, read from those rows by {@link SegmentChangeSource}
 * when the relay publishes them. Closing again changes nothing; a recompute (after late
 * transactions) rewrites only the rows that differ and announces only the levels it changed.
 */
@ApplicationScoped
public class PeriodCloseService {
    private final EntityManager em;
    private final Outbox outbox;
    private final PyramidScheme scheme;
    private final SegmentationConfig config;

    public PeriodCloseService(EntityManager em, Outbox outbox, PyramidScheme scheme, SegmentationConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.scheme = scheme;
        this.config = config;
    }

    /** The period's close, and whether this request computed it (false: it was closed already). */
    public record Closed(PeriodClose close, boolean computed) {
    }

    public Closed close(Period period, boolean recompute) {
        if (recompute) {
            awaitPublished(period);
        }
        return QuarkusTransaction.requiringNew().call(() -> closeNow(period, recompute));
    }

    @Transactional
    public List<PeriodClose> closed() {
        return PeriodClose.list("order by dayAfter desc, period");
    }

    private Closed closeNow(Period period, boolean recompute) {
        // Two closes of one period queue up instead of racing.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('period-close:' || ?1))")
                .setParameter(1, period.name()).getSingleResult();
        PeriodClose existing = PeriodClose.findById(period.name());
        if (existing != null && !recompute) {
            return new Closed(existing, false);
        }
        if (existing != null && publishing(period)) {
            throw ProblemException.conflict("period", "the segment changes of " + period.name()
                    + " are still being published; recompute once they are out");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // Ranking a million customers sorts in memory instead of on disk (this transaction only).
        em.createNativeQuery("SET LOCAL work_mem = '256MB'").executeUpdate();
        String previous = previousClose(period);
        int revision = existing == null ? 0 : existing.revision + 1;
        if (existing == null) {
            load(period, previous);
        } else {
            rewrite(period, previous, revision);
        }
        Object[] counts = (Object[]) em.createNativeQuery("""
                SELECT count(*), count(*) FILTER (WHERE purchases > 0), count(*) FILTER (WHERE direction IS NOT NULL),
                    count(*) FILTER (WHERE revision = ?2)
                FROM period_level WHERE period = ?1""")
                .setParameter(1, period.name()).setParameter(2, revision).getSingleResult();
        if (((Number) counts[3]).longValue() > 0) {
            outbox.publishBulk(SegmentEvents.CHANGED, SegmentChangeSource.NAME,
                    SegmentChangeSource.reference(period, revision));
        }
        PeriodClose close = existing != null ? existing : new PeriodClose();
        close.period = period.name();
        close.firstDay = period.firstDay();
        close.dayAfter = period.dayAfter();
        close.metric = scheme.metric().name();
        close.levels = scheme.allLevels();
        close.customers = ((Number) counts[0]).intValue();
        close.active = ((Number) counts[1]).intValue();
        close.changes = ((Number) counts[2]).intValue();
        close.revision = revision;
        if (existing == null) {
            close.closedAt = now;
            close.persist();
        } else {
            close.recomputedAt = now;
        }
        return new Closed(close, true);
    }

    /**
     * The first close: the levels go into a new table, indexed once, then attached as the period's
     * partition. Every change of level is announced by this close (revision 0).
     */
    private void load(Period period, String previous) {
        // Named as V6__period_level_partitions.sql names them: period_level_2026_10, period_level_2026_q3.
        String table = "period_level_" + period.name().toLowerCase(Locale.ROOT).replace('-', '_');
        execute("CREATE TABLE " + table + " (LIKE period_level, CHECK (period = '" + period.name() + "'))", Map.of());
        execute("INSERT INTO " + table + """
                 (period, customer_id, level, revenue, margin, purchases, rank, from_level, direction, revision,
                    announced_from)
                SELECT period, customer_id, level, revenue, margin, purchases, rank, from_level, direction,
                    CASE WHEN direction IS NOT NULL THEN 0 END, CASE WHEN direction IS NOT NULL THEN from_level END
                FROM (%s) n""".formatted(levelsSql(period, previous)), levelParams(period, previous));
        execute("CREATE UNIQUE INDEX ON " + table + " (customer_id, period)", Map.of());
        // The CHECK constraint spares the attach a scan of the table.
        execute("ALTER TABLE period_level ATTACH PARTITION " + table + " FOR VALUES IN ('" + period.name() + "')",
                Map.of());
    }

    /**
     * A recompute: rewrites only the rows that differ; a customer whose level changed is announced
     * again by this revision, from the level announced before.
     */
    private void rewrite(Period period, String previous, int revision) {
        Map<String, Object> params = levelParams(period, previous);
        params.put("revision", revision);
        // One join of the new levels with the old tells each row's fate: changed, new (a customer known
        // since the close, who starts from PROSPECT), gone (a merged-away duplicate) or unchanged.
        execute("""
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
                .formatted(levelsSql(period, previous)), params);
    }

    /**
     * One row per known customer: the ranked active customers, those with margin ≤ 0 if the scheme
     * has a level for them, then inactives and prospects; each with the level of the previous close.
     */
    private String levelsSql(Period period, String previous) {
        String marginLevel = scheme.nonPositiveMarginLevel().orElse(null);
        String ranked = marginLevel == null ? "purchases > 0" : "purchases > 0 AND revenue - cost > 0";
        long active = ((Number) em.createNativeQuery("SELECT count(*) FROM customer_period WHERE period = ?1 AND "
                + ranked).setParameter(1, period.name()).getSingleResult()).longValue();
        String nonPositive = marginLevel == null ? "" : """
                UNION ALL
                SELECT customer_id, :marginLevel, revenue, revenue - cost, purchases, NULL::int
                FROM customer_period WHERE period = :period AND purchases > 0 AND revenue - cost <= 0""";
        // Without a previous close everyone was a prospect: no join. A customer whose first or last
        // purchase falls in the period bought in it: only the others are looked up as inactive or prospect.
        String from = previous.isEmpty() ? "'PROSPECT'" : "coalesce(o.level, 'PROSPECT')";
        String join = previous.isEmpty() ? ""
                : "LEFT JOIN period_level o ON o.period = :previous AND o.customer_id = l.customer_id";
        return """
                SELECT CAST(:period AS text) AS period, l.customer_id, l.level, l.revenue, l.margin, l.purchases,
                    l.rank, %1$s AS from_level, CASE WHEN %1$s <> l.level THEN %2$s END AS direction
                FROM (
                    SELECT customer_id, %3$s AS level, revenue, margin, purchases, rank::int AS rank
                    FROM (SELECT customer_id, revenue, revenue - cost AS margin, purchases,
                              row_number() OVER (ORDER BY %4$s DESC, customer_id) AS rank
                          FROM customer_period WHERE period = :period AND %5$s) r
                    %6$s
                    UNION ALL
                    SELECT s.customer_id, CASE WHEN s.first_purchase_at < :end THEN 'INACTIVE' ELSE 'PROSPECT' END,
                        coalesce(p.revenue, 0), coalesce(p.revenue - p.cost, 0), 0, NULL::int
                    FROM customer_segment s
                    LEFT JOIN customer_period p ON p.period = :period AND p.customer_id = s.customer_id
                    WHERE NOT coalesce(s.first_purchase_at >= :start AND s.first_purchase_at < :end, false)
                      AND NOT coalesce(s.last_purchase_at >= :start AND s.last_purchase_at < :end, false)
                      AND coalesce(p.purchases, 0) = 0
                ) l
                %7$s"""
                .formatted(from, scheme.directionSql(from, "l.level"), scheme.levelSql("rank", active),
                        scheme.metric() == PyramidScheme.Metric.MARGIN ? "revenue - cost" : "revenue", ranked,
                        nonPositive, join);
    }

    private Map<String, Object> levelParams(Period period, String previous) {
        Map<String, Object> params = new HashMap<>();
        params.put("period", period.name());
        if (!previous.isEmpty()) {
            params.put("previous", previous);
        }
        params.put("start", period.start(config.zone()));
        params.put("end", period.end(config.zone()));
        scheme.nonPositiveMarginLevel().ifPresent(level -> params.put("marginLevel", level));
        return params;
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

    private int execute(String sql, Map<String, Object> params) {
        var query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        return query.executeUpdate();
    }
}
