package crm.segmentation.service;

import crm.rest.Page;
import crm.rest.ProblemException;
import crm.segmentation.config.SegmentationConfig;
import crm.segmentation.domain.Period;
import crm.segmentation.domain.PyramidScheme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The strategy grids of DOMAIN.md §2 (Differentiate) for a closed period: which cell each
 * customer falls in, counts per cell, and the members of a cell.
 */
@ApplicationScoped
public class StrategyService {
    private final EntityManager em;
    private final PyramidScheme scheme;
    private final SegmentationConfig config;
    private final SegmentService segments;
    /** The wallet median per closed period, for {@link #cellsOf}. */
    private final Map<String, Optional<Double>> medians = new ConcurrentHashMap<>();

    public StrategyService(EntityManager em, PyramidScheme scheme, SegmentationConfig config, SegmentService segments) {
        this.em = em;
        this.scheme = scheme;
        this.config = config;
        this.segments = segments;
    }

    public enum Grid {
        /** Share of wallet × wallet size: Retain, Develop, Acquire (win back), or low-cost Maintenance. */
        RAD(List.of("RETAIN", "DEVELOP", "ACQUIRE", "MAINTAIN", "NO_WALLET"), """
                CASE WHEN wallet IS NULL OR wallet = 0 THEN 'NO_WALLET'
                     WHEN coalesce(revenue12, 0) / wallet >= :retain THEN 'RETAIN'
                     WHEN wallet >= median_wallet AND coalesce(revenue12, 0) > 0 THEN 'DEVELOP'
                     WHEN wallet >= median_wallet THEN 'ACQUIRE'
                     ELSE 'MAINTAIN' END"""),
        /** Value × how well our capabilities fit: focus, select when able, passive, let go. */
        SELECTION(List.of("FOCUS", "SELECT_WHEN_ABLE", "PASSIVE", "LET_GO", "NOT_ASSESSED"), """
                CASE WHEN capability_fit IS NULL THEN 'NOT_ASSESSED'
                     WHEN value_class <> 'LOW' AND capability_fit <> 'LOW' THEN 'FOCUS'
                     WHEN value_class <> 'LOW' THEN 'SELECT_WHEN_ABLE'
                     WHEN capability_fit <> 'LOW' THEN 'PASSIVE'
                     ELSE 'LET_GO' END"""),
        /** Value × how individual the needs are: customised, frequency (loyalty), mass marketing, let go. */
        MARKETING_MODE(List.of("CUSTOMISED", "FREQUENCY", "MASS", "LET_GO", "NOT_ASSESSED"), """
                CASE WHEN needs IS NULL THEN 'NOT_ASSESSED'
                     WHEN value_class <> 'LOW' AND needs = 'INDIVIDUAL' THEN 'CUSTOMISED'
                     WHEN value_class <> 'LOW' THEN 'FREQUENCY'
                     WHEN needs = 'INDIVIDUAL' THEN 'LET_GO'
                     ELSE 'MASS' END"""),
        /** Repeat purchase × attitude (a survey's satisfaction 5 or NPS 9-10 is delighted). */
        LOYALTY(List.of("EMOTIONAL", "TRANSACTIONAL", "LATENT", "NONE"), """
                CASE WHEN coalesce(purchases12, 0) >= 2 AND (satisfaction = 5 OR nps >= 9) THEN 'EMOTIONAL'
                     WHEN coalesce(purchases12, 0) >= 2 THEN 'TRANSACTIONAL'
                     WHEN satisfaction = 5 OR nps >= 9 THEN 'LATENT'
                     ELSE 'NONE' END""");

        private final List<String> cells;
        private final String cellSql;

        Grid(List<String> cells, String cellSql) {
            this.cells = cells;
            this.cellSql = cellSql;
        }

        public List<String> cells() {
            return cells;
        }
    }

    public record Member(UUID customerId, String level, String cell) {
    }

    public record Grids(String period, Grid grid, Map<String, Long> cells, Page<Member> members) {
    }

    @Transactional
    /** {@code cell} and {@code customerId} narrow the member list (which cell is this customer in?). */
    public Grids of(Period period, Grid grid, String cell, UUID customerId, int page, int size) {
        if (cell != null && !grid.cells().contains(cell)) {
            throw ProblemException.invalid("cell", "must be one of " + grid.cells());
        }
        Page.check(page, size, config.maxPageSize());
        segments.closed(period);
        YearMonth last = YearMonth.from(period.dayAfter().minusDays(1));
        String cellsSql = """
                WITH base AS (
                    SELECT l.customer_id, l.level, s.wallet, s.capability_fit, s.needs, s.satisfaction, s.nps,
                        y.revenue12, y.purchases12, %s AS value_class, (%s) AS median_wallet
                    FROM period_level l JOIN customer_segment s ON s.customer_id = l.customer_id
                    LEFT JOIN (SELECT customer_id, sum(revenue) AS revenue12, sum(purchases) AS purchases12
                               FROM customer_period WHERE period NOT LIKE '%%Q%%' AND period BETWEEN :from AND :to
                               GROUP BY customer_id) y ON y.customer_id = l.customer_id
                    WHERE l.period = :period)
                SELECT customer_id, level, %s AS cell FROM base"""
                .formatted(scheme.valueClassSql("l.level", config.highValuePercent(), config.mediumValuePercent()),
                        MEDIAN_WALLET, grid.cellSql);
        Map<String, Object> params = Map.of("period", period.name(), "from", last.minusMonths(11).toString(),
                "to", last.toString(), "retain", config.retainShareOfWallet());

        Map<String, Long> counts = new LinkedHashMap<>();
        grid.cells().forEach(c -> counts.put(c, 0L));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery("SELECT cell, count(*) FROM (" + cellsSql + ") c GROUP BY cell"),
                params, grid).getResultList();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));

        String where = " WHERE (CAST(:cell AS text) IS NULL OR cell = :cell)"
                + " AND (CAST(:customer AS uuid) IS NULL OR customer_id = CAST(:customer AS uuid))";
        Query query = bind(em.createNativeQuery("SELECT customer_id, level, cell FROM (" + cellsSql + ") c" + where
                        + " ORDER BY cell, customer_id LIMIT :limit OFFSET :offset"), params, grid)
                .setParameter("cell", cell).setParameter("customer", customerId == null ? null : customerId.toString())
                .setParameter("limit", size).setParameter("offset", Page.offset(page, size));
        @SuppressWarnings("unchecked")
        List<Object[]> found = query.getResultList();
        long total = customerId != null ? found.size()
                : cell == null ? counts.values().stream().mapToLong(Long::longValue).sum() : counts.get(cell);
        return new Grids(period.name(), grid, counts, new Page<>(found.stream()
                .map(r -> new Member((UUID) r[0], (String) r[1], (String) r[2])).toList(), page, size, total));
    }

    /** A customer's cells of the RAD and loyalty grids, and the purchases of the 12 months behind the latter. */
    public record CustomerCells(String rad, String loyalty, long purchases12) {
    }

    /**
     * One customer's cells at a closed period, by the grids' own rules, with the wallet median kept for
     * that period ({@link #medianWallet}): two indexed lookups, where the grid reads every customer.
     */
    public CustomerCells cellsOf(UUID customerId, Period period) {
        YearMonth last = YearMonth.from(period.dayAfter().minusDays(1));
        Object[] row = (Object[]) em.createNativeQuery(CUSTOMER_CELLS.formatted(Grid.RAD.cellSql, Grid.LOYALTY.cellSql))
                .setParameter("customer", customerId).setParameter("from", last.minusMonths(11).toString())
                .setParameter("to", last.toString()).setParameter("median", medianWallet(period.name()))
                .setParameter("retain", config.retainShareOfWallet()).getSingleResult();
        return new CustomerCells((String) row[0], (String) row[1], ((Number) row[2]).longValue());
    }

    private static final String CUSTOMER_CELLS = """
            WITH base AS (
                SELECT s.wallet, s.satisfaction, s.nps, y.revenue12, y.purchases12,
                    CAST(:median AS double precision) AS median_wallet
                FROM customer_segment s
                CROSS JOIN (SELECT sum(revenue) AS revenue12, sum(purchases) AS purchases12 FROM customer_period
                            WHERE customer_id = :customer AND period NOT LIKE '%%Q%%' AND period BETWEEN :from AND :to) y
                WHERE s.customer_id = :customer)
            SELECT %s, %s, coalesce(purchases12, 0) FROM base""";

    /** The median of the wallets entered (> 0): the RAD grid's line between a large wallet and a small one. */
    private static final String MEDIAN_WALLET =
            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY wallet) FROM customer_segment WHERE wallet > 0";

    /**
     * The wallet median for the card's cells, computed once per closed period on first use and kept in
     * memory: it reads every wallet entered. Wallets entered later move it from the next close on (the
     * customer's own wallet is always read as it is now); the grid itself computes it afresh.
     */
    private Double medianWallet(String period) {
        return medians.computeIfAbsent(period, p -> Optional.ofNullable(
                (Number) em.createNativeQuery(MEDIAN_WALLET).getSingleResult()).map(Number::doubleValue)).orElse(null);
    }

    private static Query bind(Query query, Map<String, Object> params, Grid grid) {
        params.forEach((name, value) -> {
            if (!name.equals("retain") || grid == Grid.RAD) {
                query.setParameter(name, value);
            }
        });
        return query;
    }
}
