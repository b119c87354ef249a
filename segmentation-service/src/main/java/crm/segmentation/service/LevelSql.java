package crm.segmentation.service;

import crm.segmentation.config.SegmentationConfig;
import crm.segmentation.domain.Period;
import crm.segmentation.domain.PyramidScheme;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * The SQL a close cuts a period's levels with, from the pyramid scheme: the ranking of the active
 * customers by the scheme's metric, their levels, and the customers with no rank.
 */
@ApplicationScoped
public class LevelSql {
    private final PyramidScheme scheme;
    private final SegmentationConfig config;

    public LevelSql(PyramidScheme scheme, SegmentationConfig config) {
        this.scheme = scheme;
        this.config = config;
    }

    /**
     * Rows of known customers with the level of the previous close: the {@code ranked} active
     * customers (of {@code active}, SQL for their number), and, with {@code others}, those with
     * margin ≤ 0 if the scheme has a level for them, then inactives and prospects.
     */
    String select(Period period, String previous, String active, String ranked, boolean others) {
        String marginLevel = scheme.nonPositiveMarginLevel().orElse(null);
        String nonPositive = marginLevel == null ? "" : """
                UNION ALL
                SELECT customer_id, :marginLevel, revenue, revenue - cost, purchases, NULL::int
                FROM customer_period WHERE period = :period AND purchases > 0 AND revenue - cost <= 0""";
        // A customer whose first purchase falls in a month bought in it (the ledger writes both in one
        // statement): only the others are looked up as inactive or prospect. A quarter's totals are summed
        // before the snapshot the levels are read at, so there every customer is looked up.
        String rest = """
                %s
                UNION ALL
                SELECT s.customer_id, CASE WHEN s.first_purchase_at < :end THEN 'INACTIVE' ELSE 'PROSPECT' END,
                    coalesce(p.revenue, 0), coalesce(p.revenue - p.cost, 0), 0, NULL::int
                FROM customer_segment s
                LEFT JOIN customer_period p ON p.period = :period AND p.customer_id = s.customer_id
                WHERE %s coalesce(p.purchases, 0) = 0""".formatted(nonPositive, period.isQuarter() ? ""
                : "NOT coalesce(s.first_purchase_at >= :start AND s.first_purchase_at < :end, false) AND");
        // Without a previous close everyone was a prospect: no join.
        String from = previous.isEmpty() ? "'PROSPECT'" : "coalesce(o.level, 'PROSPECT')";
        String join = previous.isEmpty() ? ""
                : "LEFT JOIN period_level o ON o.period = :previous AND o.customer_id = l.customer_id";
        return """
                SELECT CAST(:period AS text) AS period, l.customer_id, l.level, l.revenue, l.margin, l.purchases,
                    l.rank, %1$s AS from_level, CASE WHEN %1$s <> l.level THEN %2$s END AS direction
                FROM (
                    SELECT customer_id, %3$s AS level, revenue, margin, purchases, rank FROM (%4$s) r
                    %5$s
                ) l
                %6$s"""
                .formatted(from, scheme.directionSql(from, "l.level"), scheme.levelSql("rank", active), ranked,
                        others ? rest : "", join);
    }

    /** The active customers of the period that {@code where} selects, ranked from {@code offset} + 1. */
    String ranked(String where, long offset) {
        return """
                SELECT customer_id, revenue, revenue - cost AS margin, purchases,
                    (%d + row_number() OVER (ORDER BY %s DESC, customer_id))::int AS rank
                FROM customer_period WHERE period = :period AND %s %s"""
                .formatted(offset, metric(), rankedCondition(), where);
    }

    /** Active customers who are ranked (with a level for margin ≤ 0, those go there instead). */
    String rankedCondition() {
        return scheme.nonPositiveMarginLevel().isEmpty() ? "purchases > 0" : "purchases > 0 AND revenue - cost > 0";
    }

    /** The ranking metric, in SQL over a customer_period row. */
    String metric() {
        return scheme.metric() == PyramidScheme.Metric.MARGIN ? "(revenue - cost)" : "revenue";
    }

    /** The parameters of {@link #select}, those of the customers not ranked only {@code withOthers}. */
    Map<String, Object> params(Period period, String previous, boolean withOthers) {
        Map<String, Object> params = new HashMap<>();
        params.put("period", period.name());
        if (!previous.isEmpty()) {
            params.put("previous", previous);
        }
        if (withOthers) {
            if (!period.isQuarter()) {
                params.put("start", period.start(config.zone()));
            }
            params.put("end", period.end(config.zone()));
            scheme.nonPositiveMarginLevel().ifPresent(level -> params.put("marginLevel", level));
        }
        return params;
    }
}
