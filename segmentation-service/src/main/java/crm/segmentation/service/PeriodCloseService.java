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
                FROM (%s) n""".formatted(levelsSql(period)), levelParams(period, previous));
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
        execute("CREATE TEMP TABLE new_level ON COMMIT DROP AS " + levelsSql(period), levelParams(period, previous));
        Map<String, Object> params = Map.of("period", period.name(), "revision", revision);
        execute("""
                UPDATE period_level o SET level = n.level, revenue = n.revenue, margin = n.margin,
                    purchases = n.purchases, rank = n.rank, from_level = n.from_level, direction = n.direction,
                    revision = CASE WHEN o.level <> n.level THEN :revision ELSE o.revision END,
                    announced_from = CASE WHEN o.level <> n.level THEN o.level ELSE o.announced_from END
                FROM new_level n
                WHERE o.period = :period AND o.customer_id = n.customer_id
                  AND (o.level, o.revenue, o.margin, o.purchases, o.rank, o.from_level, o.direction)
                      IS DISTINCT FROM (n.level, n.revenue, n.margin, n.purchases, n.rank, n.from_level, n.direction)""",
                params);
        // Customers known since the close start from PROSPECT; merged-away duplicates leave.
        execute("""
                INSERT INTO period_level (period, customer_id, level, revenue, margin, purchases, rank, from_level,
                    direction, revision, announced_from)
                SELECT :period, n.customer_id, n.level, n.revenue, n.margin, n.purchases, n.rank, n.from_level,
                    n.direction, CASE WHEN n.level <> 'PROSPECT' THEN :revision END,
                    CASE WHEN n.level <> 'PROSPECT' THEN 'PROSPECT' END
                FROM new_level n
                WHERE NOT EXISTS (SELECT 1 FROM period_level o WHERE o.period = :period AND o.customer_id = n.customer_id)""",
                params);
        execute("""
                DELETE FROM period_level o WHERE o.period = :period
                  AND NOT EXISTS (SELECT 1 FROM new_level n WHERE n.customer_id = o.customer_id)""",
                Map.of("period", period.name()));
    }

    /**
     * One row per known customer: the ranked active customers, those with margin ≤ 0 if the scheme
     * has a level for them, then inactives and prospects; each with the level of the previous close.
     */
    private String levelsSql(Period period) {
        String marginLevel = scheme.nonPositiveMarginLevel().orElse(null);
        String ranked = marginLevel == null ? "purchases > 0" : "purchases > 0 AND revenue - cost > 0";
        long active = ((Number) em.createNativeQuery("SELECT count(*) FROM customer_period WHERE period = ?1 AND "
                + ranked).setParameter(1, period.name()).getSingleResult()).longValue();
        String nonPositive = marginLevel == null ? "" : """
                UNION ALL
                SELECT customer_id, :marginLevel, revenue, revenue - cost, purchases, NULL::int
                FROM customer_period WHERE period = :period AND purchases > 0 AND revenue - cost <= 0""";
        return """
                SELECT CAST(:period AS text) AS period, l.customer_id, l.level, l.revenue, l.margin, l.purchases,
                    l.rank, coalesce(o.level, 'PROSPECT') AS from_level,
                    CASE WHEN coalesce(o.level, 'PROSPECT') <> l.level THEN %1$s END AS direction
                FROM (
                    SELECT customer_id, %2$s AS level, revenue, margin, purchases, rank::int AS rank
                    FROM (SELECT customer_id, revenue, revenue - cost AS margin, purchases,
                              row_number() OVER (ORDER BY %3$s DESC, customer_id) AS rank
                          FROM customer_period WHERE period = :period AND %4$s) r
                    %5$s
                    UNION ALL
                    SELECT s.customer_id, CASE WHEN s.first_purchase_at < :end THEN 'INACTIVE' ELSE 'PROSPECT' END,
                        coalesce(p.revenue, 0), coalesce(p.revenue - p.cost, 0), 0, NULL::int
                    FROM customer_segment s
                    LEFT JOIN customer_period p ON p.period = :period AND p.customer_id = s.customer_id
                    WHERE coalesce(p.purchases, 0) = 0
                ) l
                LEFT JOIN period_level o ON o.period = :previous AND o.customer_id = l.customer_id"""
                .formatted(scheme.directionSql("coalesce(o.level, 'PROSPECT')", "l.level"),
                        scheme.levelSql("rank", active),
                        scheme.metric() == PyramidScheme.Metric.MARGIN ? "revenue - cost" : "revenue", ranked,
                        nonPositive);
    }

    private Map<String, Object> levelParams(Period period, String previous) {
        Map<String, Object> params = new HashMap<>();
        params.put("period", period.name());
        params.put("previous", previous);
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
