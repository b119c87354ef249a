package crm.segmentation.service;

import crm.rest.ProblemException;
import crm.segmentation.domain.Period;
import crm.segmentation.domain.PeriodClose;
import crm.segmentation.domain.PyramidScheme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who moved where between two closed periods: rows are the level at the first, columns the level
 * at the second; above the diagonal moved up, below moved down. Row shares are the transition
 * probabilities of a Markov model of customer value.
 */
@ApplicationScoped
public class MobilityService {
    public static final List<String> MOVEMENTS = List.of("STAYED", "UP", "DOWN", "NEW", "LOST", "REACTIVATED");

    private final EntityManager em;
    private final PyramidScheme scheme;
    private final SegmentService segments;

    public MobilityService(EntityManager em, PyramidScheme scheme, SegmentService segments) {
        this.em = em;
        this.scheme = scheme;
        this.segments = segments;
    }

    /** Customers in one cell, their revenue and margin at the second period, and the row share. */
    public record Cell(String to, long customers, BigDecimal revenue, BigDecimal margin, BigDecimal shareOfRow) {
    }

    public record Row(String from, long customers, List<Cell> cells) {
    }

    /** A group of moves: how many customers, their revenue and margin now, and the change in revenue. */
    public record Group(long customers, BigDecimal revenue, BigDecimal margin, BigDecimal revenueEffect) {
    }

    public record Matrix(String from, String to, List<String> levels, List<Row> rows, Map<String, Group> summary) {
    }

    @Transactional
    public Matrix between(Period from, Period to) {
        if (!from.firstDay().isBefore(to.firstDay())) {
            throw ProblemException.invalid("from", "must be a period before to");
        }
        PeriodClose first = segments.closed(from);
        segments.closed(to);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT m.from_level, m.to_level, CASE WHEN m.from_level = m.to_level THEN 'STAYED' ELSE %s END,
                    count(*), sum(m.revenue), sum(m.margin), sum(m.revenue - m.before)
                FROM (SELECT coalesce(a.level, 'PROSPECT') AS from_level, b.level AS to_level, b.revenue, b.margin,
                          coalesce(a.revenue, 0) AS before
                      FROM period_level b LEFT JOIN period_level a ON a.period = ?1 AND a.customer_id = b.customer_id
                      WHERE b.period = ?2) m
                GROUP BY 1, 2, 3""".formatted(scheme.directionSql("m.from_level", "m.to_level")))
                .setParameter(1, from.name()).setParameter(2, to.name()).getResultList();

        List<String> levels = levelsOf(first);
        Map<String, Map<String, Object[]>> byCell = new LinkedHashMap<>();
        Map<String, Group> summary = new LinkedHashMap<>();
        MOVEMENTS.forEach(m -> summary.put(m, new Group(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO)));
        for (Object[] r : rows) {
            byCell.computeIfAbsent((String) r[0], k -> new LinkedHashMap<>()).put((String) r[1], r);
            Group group = summary.get((String) r[2]);
            summary.put((String) r[2], new Group(group.customers() + ((Number) r[3]).longValue(),
                    group.revenue().add((BigDecimal) r[4]), group.margin().add((BigDecimal) r[5]),
                    group.revenueEffect().add((BigDecimal) r[6])));
        }
        List<Row> matrix = new ArrayList<>();
        for (String fromLevel : levels) {
            Map<String, Object[]> cells = byCell.getOrDefault(fromLevel, Map.of());
            long rowTotal = cells.values().stream().mapToLong(r -> ((Number) r[3]).longValue()).sum();
            List<Cell> out = new ArrayList<>();
            for (String toLevel : levels) {
                Object[] r = cells.get(toLevel);
                long count = r == null ? 0 : ((Number) r[3]).longValue();
                out.add(new Cell(toLevel, count, r == null ? BigDecimal.ZERO : (BigDecimal) r[4],
                        r == null ? BigDecimal.ZERO : (BigDecimal) r[5],
                        Shares.of(BigDecimal.valueOf(count), BigDecimal.valueOf(rowTotal))));
            }
            matrix.add(new Row(fromLevel, rowTotal, out));
        }
        return new Matrix(from.name(), to.name(), levels, matrix, summary);
    }

    /** The levels of the scheme in force, with any level of the first period's scheme that is no longer in it. */
    private List<String> levelsOf(PeriodClose first) {
        List<String> levels = new ArrayList<>(scheme.allLevels());
        first.levels.stream().filter(l -> !levels.contains(l)).forEach(l -> levels.add(levels.size() - 2, l));
        return levels;
    }
}
