package crm.segmentation.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The levels of the pyramid in order of value, and the rules that read that order: which level a
 * rank falls in, and whether a change of level is a move up or down.
 */
public record PyramidScheme(Metric metric, List<Cut> cuts, Optional<String> nonPositiveMarginLevel) {
    public static final String INACTIVE = "INACTIVE";
    public static final String PROSPECT = "PROSPECT";

    public enum Metric {
        REVENUE, MARGIN
    }

    /** A level and the share of active customers (percent) it takes. */
    public record Cut(String name, int percent) {
    }

    public PyramidScheme {
        if (cuts.isEmpty() || cuts.stream().mapToInt(Cut::percent).sum() != 100) {
            throw new IllegalArgumentException("The pyramid's level percentages must add up to 100: " + cuts);
        }
        if (cuts.stream().anyMatch(c -> c.percent() <= 0)) {
            throw new IllegalArgumentException("Every level takes a positive share: " + cuts);
        }
        List<String> names = new ArrayList<>(cuts.stream().map(Cut::name).toList());
        nonPositiveMarginLevel.ifPresent(names::add);
        for (String name : names) {
            if (!name.matches("[A-Z][A-Z0-9_]*") || name.equals(INACTIVE) || name.equals(PROSPECT)) {
                throw new IllegalArgumentException("A level is named in UPPER_SNAKE_CASE and is not INACTIVE or"
                        + " PROSPECT: " + name);
            }
        }
    }

    /** Active levels, most valuable first, including a separate level for margin ≤ 0 if there is one. */
    public List<String> activeLevels() {
        List<String> names = new ArrayList<>(cuts.stream().map(Cut::name).toList());
        nonPositiveMarginLevel.filter(name -> !names.contains(name)).ifPresent(names::add);
        return names;
    }

    /** Every level a customer can have, most valuable first. */
    public List<String> allLevels() {
        List<String> names = new ArrayList<>(activeLevels());
        names.add(INACTIVE);
        names.add(PROSPECT);
        return names;
    }

    /**
     * SQL for the level of the customer ranked {@code rank} among {@code active} ranked customers: a
     * level ends at round(active × its cumulative percentage / 100), so 100 customers cut exactly
     * 1/4/15/80.
     */
    public String levelSql(String rank, String active) {
        StringBuilder sql = new StringBuilder("CASE");
        int cumulative = 0;
        for (int i = 0; i < cuts.size() - 1; i++) {
            cumulative += cuts.get(i).percent();
            // round(active × cumulative / 100), half up, in integers
            sql.append(" WHEN ").append(rank).append(" <= (").append(active).append(" * ").append(cumulative)
                    .append(" + 50) / 100 THEN ").append(literal(cuts.get(i).name()));
        }
        return sql.append(" ELSE ").append(literal(cuts.get(cuts.size() - 1).name())).append(" END").toString();
    }

    /**
     * SQL for how a change of level reads: LOST to inactive, NEW from prospect, REACTIVATED from
     * inactive, otherwise UP or DOWN by the order of the levels.
     */
    public String directionSql(String from, String to) {
        String order = "ARRAY[" + String.join(", ", allLevels().stream().map(PyramidScheme::literal).toList()) + "]";
        return "CASE WHEN " + to + " = 'INACTIVE' THEN 'LOST' WHEN " + from + " = 'PROSPECT' THEN 'NEW' WHEN "
                + from + " = 'INACTIVE' THEN 'REACTIVATED' WHEN array_position(" + order + ", " + to
                + ") < array_position(" + order + ", " + from + ") THEN 'UP' ELSE 'DOWN' END";
    }

    /**
     * SQL for the value class of a level: HIGH for the levels within the top {@code highPercent} of
     * active customers, MEDIUM within {@code mediumPercent}, LOW for the rest and for customers not active.
     */
    public String valueClassSql(String level, int highPercent, int mediumPercent) {
        StringBuilder sql = new StringBuilder("CASE");
        int cumulative = 0;
        for (Cut cut : cuts) {
            cumulative += cut.percent();
            String valueClass = cumulative <= highPercent ? "HIGH" : cumulative <= mediumPercent ? "MEDIUM" : "LOW";
            sql.append(" WHEN ").append(level).append(" = ").append(literal(cut.name())).append(" THEN '")
                    .append(valueClass).append("'");
        }
        return sql.append(" ELSE 'LOW' END").toString();
    }

    /** The SQL expression of the ranking metric over columns revenue and margin. */
    public String metricSql() {
        return metric == Metric.MARGIN ? "margin" : "revenue";
    }

    private static String literal(String name) {
        return "'" + name.replace("'", "''") + "'";
    }
}
