package crm.segmentation.service;

import crm.events.outbox.Outbox;
import crm.events.segment.SegmentEvents;
import crm.segmentation.config.SegmentationConfig;
import crm.segmentation.domain.PeriodClose;
import crm.segmentation.domain.Period;
import crm.segmentation.domain.PyramidScheme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Closes a period: every known customer gets exactly one level, cut from the per-period totals
 * kept as transactions arrive (the ledger itself is not re-read). Each customer whose level
 * differs from the previous close gets one SegmentChanged event. Closing again changes nothing;
 * a recompute (after late transactions) publishes only what it changed.
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

    @Transactional
    public Closed close(Period period, boolean recompute) {
        // Two closes of one period queue up instead of racing.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('period-close:' || ?1))")
                .setParameter(1, period.name()).getSingleResult();
        PeriodClose existing = PeriodClose.findById(period.name());
        if (existing != null && !recompute) {
            return new Closed(existing, false);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        computeLevels(period);
        String previous = previousClose(period);
        // The period's changes against the previous close of the same kind.
        execute("DELETE FROM segment_change WHERE period = :period", Map.of("period", period.name()));
        int changes = execute("""
                INSERT INTO segment_change (period, customer_id, from_level, to_level, direction, revenue, margin, rank, changed_at)
                SELECT :period, n.customer_id, coalesce(o.level, 'PROSPECT'), n.level, %s, n.revenue, n.margin, n.rank, :now
                FROM new_level n LEFT JOIN period_level o ON o.period = :previous AND o.customer_id = n.customer_id
                WHERE coalesce(o.level, 'PROSPECT') <> n.level"""
                .formatted(scheme.directionSql("coalesce(o.level, 'PROSPECT')", "n.level")),
                Map.of("period", period.name(), "previous", previous, "now", now));
        if (existing == null) {
            publish(period, "SELECT * FROM segment_change WHERE period = :period", Map.of("period", period.name()));
        } else {
            // Only what the recompute changed, from the level published before.
            publish(period, """
                    SELECT CAST(:period AS text) AS period, n.customer_id, o.level AS from_level, n.level AS to_level,
                        %s AS direction, n.revenue, n.margin, n.rank
                    FROM new_level n JOIN period_level o ON o.period = :period AND o.customer_id = n.customer_id
                    WHERE o.level <> n.level""".formatted(scheme.directionSql("o.level", "n.level")),
                    Map.of("period", period.name()));
            execute("DELETE FROM period_level WHERE period = :period", Map.of("period", period.name()));
        }
        int customers = execute("""
                INSERT INTO period_level (period, customer_id, level, revenue, margin, purchases, rank)
                SELECT :period, customer_id, level, revenue, margin, purchases, rank FROM new_level""",
                Map.of("period", period.name()));
        PeriodClose close = existing != null ? existing : new PeriodClose();
        close.period = period.name();
        close.firstDay = period.firstDay();
        close.dayAfter = period.dayAfter();
        close.metric = scheme.metric().name();
        close.levels = scheme.allLevels();
        close.customers = customers;
        close.active = ((Number) em.createNativeQuery("SELECT count(*) FROM new_level WHERE purchases > 0")
                .getSingleResult()).intValue();
        close.changes = changes;
        if (existing == null) {
            close.closedAt = now;
            close.persist();
        } else {
            close.recomputedAt = now;
        }
        return new Closed(close, true);
    }

    @Transactional
    public List<PeriodClose> closed() {
        return PeriodClose.list("order by dayAfter desc, period");
    }

    /** One level per known customer into a temporary table: ranked actives, then inactives and prospects. */
    private void computeLevels(Period period) {
        String marginLevel = scheme.nonPositiveMarginLevel().orElse(null);
        String ranked = marginLevel == null ? "purchases > 0" : "purchases > 0 AND margin > 0";
        String sql = """
                CREATE TEMP TABLE new_level ON COMMIT DROP AS
                WITH totals AS (
                    SELECT p.customer_id, p.revenue, p.revenue - p.cost AS margin, p.purchases
                    FROM customer_period p JOIN customer_segment s ON s.customer_id = p.customer_id
                    WHERE p.period = :period
                ), ranked AS (
                    SELECT customer_id, revenue, margin, purchases,
                        row_number() OVER (ORDER BY %1$s DESC, customer_id) AS rank, count(*) OVER () AS n
                    FROM totals WHERE %2$s
                )
                SELECT customer_id, %3$s AS level, revenue, margin, purchases, rank::int AS rank FROM ranked
                UNION ALL
                SELECT customer_id, :marginLevel, revenue, margin, purchases, NULL::int
                FROM totals WHERE :marginLevel IS NOT NULL AND purchases > 0 AND margin <= 0
                UNION ALL
                SELECT s.customer_id, CASE WHEN s.first_purchase_at < :end THEN 'INACTIVE' ELSE 'PROSPECT' END,
                    coalesce(t.revenue, 0), coalesce(t.margin, 0), 0, NULL::int
                FROM customer_segment s LEFT JOIN totals t ON t.customer_id = s.customer_id
                WHERE coalesce(t.purchases, 0) = 0"""
                .formatted(scheme.metricSql(), ranked, scheme.levelSql("rank", "n"));
        Map<String, Object> params = new HashMap<>();
        params.put("period", period.name());
        params.put("marginLevel", marginLevel == null ? "" : marginLevel);
        params.put("end", period.end(config.zone()));
        execute(sql.replace(":marginLevel IS NOT NULL", marginLevel == null ? "false" : "true"), params);
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

    private void publish(Period period, String changesSql, Map<String, Object> params) {
        outbox.publishAll(SegmentEvents.CHANGED, """
                SELECT c.customer_id::text AS subject, jsonb_build_object('customerId', c.customer_id,
                    'period', c.period, 'from', c.from_level, 'to', c.to_level, 'direction', c.direction,
                    'revenue', c.revenue, 'margin', c.margin, 'rank', c.rank) AS data
                FROM (%s) c""".formatted(changesSql), params);
    }

    private int execute(String sql, Map<String, Object> params) {
        var query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        return query.executeUpdate();
    }
}
