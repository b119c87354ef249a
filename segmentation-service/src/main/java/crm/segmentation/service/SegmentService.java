package crm.segmentation.service;

import crm.events.customer.CustomerRegistered;
import crm.rest.Page;
import crm.rest.ProblemException;
import crm.segmentation.config.SegmentationConfig;
import crm.segmentation.domain.CustomerSegment;
import crm.segmentation.domain.Period;
import crm.segmentation.domain.PeriodClose;
import crm.segmentation.domain.PyramidScheme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What segmentation knows of customers: their levels per period, the pyramid, and its changes. */
@ApplicationScoped
public class SegmentService {
    private final EntityManager em;
    private final PyramidScheme scheme;
    private final SegmentationConfig config;
    private final ValueMetrics metrics;

    public SegmentService(EntityManager em, PyramidScheme scheme, SegmentationConfig config, ValueMetrics metrics) {
        this.em = em;
        this.scheme = scheme;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * A newly registered customer, as the event says; one known here already from a sale is confirmed, keeping
     * what the sales recorded. An id merged away here stays away (its registration may come after the merge).
     */
    static final String REGISTER = """
            INSERT INTO customer_segment AS s (customer_id, registered_at)
            SELECT ?1, ?2 WHERE NOT EXISTS (SELECT FROM customer_merge m WHERE m.duplicate_id = ?1)
            ON CONFLICT (customer_id) DO UPDATE SET registered_at = EXCLUDED.registered_at, unconfirmed_since = NULL
            WHERE s.unconfirmed_since IS NOT NULL""";

    /** Of a period's active (ranked) customers, those not confirmed by customer-service yet (few: read from them). */
    static final String UNCONFIRMED_IN_PERIOD = """
            SELECT count(*) FROM customer_segment s
            WHERE s.unconfirmed_since IS NOT NULL AND EXISTS (
                SELECT FROM period_level l WHERE l.period = ?1 AND l.customer_id = s.customer_id AND l.rank IS NOT NULL)""";

    /** A newly registered customer is a prospect until their first purchase. */
    @Transactional
    public void addProspect(CustomerRegistered registered) {
        em.createNativeQuery(REGISTER).setParameter(1, registered.customerId())
                .setParameter(2, registered.registeredAt()).executeUpdate();
    }

    public record PeriodLevel(String period, String level, BigDecimal revenue, BigDecimal margin, int purchases,
            Integer rank) {
    }

    public record Lifetime(BigDecimal revenue, BigDecimal margin, long purchases, Long recencyDays, Long tenureDays) {
    }

    /** A customer's level in every closed period (latest first), lifetime figures, and value as of the latest close. */
    public record CustomerValue(CustomerSegment customer, Instant lastPurchaseAt, List<PeriodLevel> levels,
            Lifetime lifetime, ValueMetrics.Value value) {
        public String level() {
            return levels.isEmpty() ? PyramidScheme.PROSPECT : levels.get(0).level();
        }
    }

    @Transactional
    public CustomerValue customer(UUID customerId) {
        CustomerSegment segment = CustomerSegment.findById(customerId);
        if (segment == null) {
            throw ProblemException.notFound("No customer with id " + customerId + " is known to segmentation");
        }
        List<PeriodLevel> levels = levels(customerId, Integer.MAX_VALUE);
        Totals totals = totals(customerId);
        Instant now = Instant.now();
        Lifetime lifetime = new Lifetime(totals.revenue(), totals.margin(), totals.purchases(),
                totals.lastPurchaseAt() == null ? null : Duration.between(totals.lastPurchaseAt(), now).toDays(),
                segment.firstPurchaseAt == null ? null : Duration.between(segment.firstPurchaseAt, now).toDays());
        return new CustomerValue(segment, totals.lastPurchaseAt(), levels, lifetime, metrics.of(segment));
    }

    /** The customer's levels, latest close first (a month before a quarter ending with it), at most {@code limit}. */
    public List<PeriodLevel> levels(UUID customerId, int limit) {
        return levels(em.createNativeQuery(LEVELS).setParameter("customer", customerId).setParameter("limit", limit));
    }

    /** The customer's level at the close before {@code period} of the same kind (month or quarter), if any. */
    public PeriodLevel previousLevel(UUID customerId, Period period) {
        List<PeriodLevel> found = levels(em.createNativeQuery(PREVIOUS_LEVEL).setParameter("customer", customerId)
                .setParameter("start", period.firstDay()).setParameter("quarter", period.isQuarter()));
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<PeriodLevel> levels(Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new PeriodLevel((String) r[0], (String) r[1], (BigDecimal) r[2],
                (BigDecimal) r[3], ((Number) r[4]).intValue(), r[5] == null ? null : ((Number) r[5]).intValue()))
                .toList();
    }

    private static final String LEVELS = """
            SELECT l.period, l.level, l.revenue, l.margin, l.purchases, l.rank FROM period_level l
            JOIN period_close c ON c.period = l.period WHERE l.customer_id = :customer
            ORDER BY c.day_after DESC, c.first_day DESC LIMIT :limit""";

    /** The close before is found as a close finds it (PeriodCloseService.previousClose). */
    private static final String PREVIOUS_LEVEL = """
            SELECT l.period, l.level, l.revenue, l.margin, l.purchases, l.rank FROM period_level l
            WHERE l.customer_id = :customer AND l.period = (
                SELECT period FROM period_close
                WHERE day_after <= :start AND (period LIKE '%Q%') = :quarter ORDER BY day_after DESC LIMIT 1)""";

    /** A customer's figures over every month so far: revenue, margin, purchases, and the latest purchase. */
    public record Totals(BigDecimal revenue, BigDecimal margin, long purchases, Instant lastPurchaseAt) {
    }

    public Totals totals(UUID customerId) {
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT coalesce(sum(revenue), 0), coalesce(sum(revenue - cost), 0), coalesce(sum(purchases), 0),
                    max(last_purchase_at)
                FROM customer_period WHERE customer_id = ?1 AND period NOT LIKE '%Q%'""")
                .setParameter(1, customerId).getSingleResult();
        return new Totals((BigDecimal) row[0], (BigDecimal) row[1], ((Number) row[2]).longValue(), (Instant) row[3]);
    }

    public record LevelFigures(String level, long customers, BigDecimal shareOfCustomers, BigDecimal revenue,
            BigDecimal margin, BigDecimal shareOfRevenue, BigDecimal cutOff) {
    }

    public record Pyramid(PeriodClose close, List<LevelFigures> levels, BigDecimal revenue, BigDecimal margin,
            long unconfirmed) {
    }

    /**
     * Per level: customers, their share of all customers, revenue, margin, share of revenue, and
     * the cut-off (the lowest value of the ranking metric that reached the level).
     */
    @Transactional
    public Pyramid pyramid(Period period) {
        PeriodClose close = closed(period);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT level, count(*), sum(revenue), sum(margin), min(%s) FILTER (WHERE rank IS NOT NULL)
                FROM period_level WHERE period = ?1 GROUP BY level""".formatted(scheme.metricSql()))
                .setParameter(1, period.name()).getResultList();
        Map<String, Object[]> byLevel = new LinkedHashMap<>();
        rows.forEach(r -> byLevel.put((String) r[0], r));
        BigDecimal revenue = rows.stream().map(r -> (BigDecimal) r[2]).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal margin = rows.stream().map(r -> (BigDecimal) r[3]).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<LevelFigures> levels = new ArrayList<>();
        for (String level : close.levels) {
            Object[] r = byLevel.get(level);
            long count = r == null ? 0 : ((Number) r[1]).longValue();
            BigDecimal levelRevenue = r == null ? BigDecimal.ZERO : (BigDecimal) r[2];
            levels.add(new LevelFigures(level, count, Shares.of(BigDecimal.valueOf(count), BigDecimal.valueOf(close.customers)),
                    levelRevenue, r == null ? BigDecimal.ZERO : (BigDecimal) r[3], Shares.of(levelRevenue, revenue),
                    r == null ? null : (BigDecimal) r[4]));
        }
        long unconfirmed = ((Number) em.createNativeQuery(UNCONFIRMED_IN_PERIOD).setParameter(1, period.name())
                .getSingleResult()).longValue();
        return new Pyramid(close, levels, revenue, margin, unconfirmed);
    }

    public record Change(UUID customerId, String period, String from, String to, String direction,
            BigDecimal revenue, BigDecimal margin, Integer rank) {
    }

    public static final List<String> DIRECTIONS = List.of("UP", "DOWN", "NEW", "LOST", "REACTIVATED");

    /** The changes a close found, optionally of one direction, most valuable first. */
    @Transactional
    public Page<Change> changes(Period period, String direction, int page, int size) {
        if (direction != null && !DIRECTIONS.contains(direction)) {
            throw ProblemException.invalid("direction", "must be one of " + DIRECTIONS);
        }
        Page.check(page, size, config.maxPageSize());
        closed(period);
        String where = " FROM period_level WHERE period = :period AND direction IS NOT NULL"
                + " AND (CAST(:direction AS text) IS NULL OR direction = :direction)";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT customer_id, from_level, level, direction, revenue, margin, rank"
                        + where + " ORDER BY rank NULLS LAST, customer_id LIMIT :limit OFFSET :offset")
                .setParameter("period", period.name()).setParameter("direction", direction)
                .setParameter("limit", size).setParameter("offset", Page.offset(page, size)).getResultList();
        long total = ((Number) em.createNativeQuery("SELECT count(*)" + where)
                .setParameter("period", period.name()).setParameter("direction", direction).getSingleResult()).longValue();
        return new Page<>(rows.stream().map(r -> new Change((UUID) r[0], period.name(), (String) r[1], (String) r[2],
                (String) r[3], (BigDecimal) r[4], (BigDecimal) r[5], r[6] == null ? null : ((Number) r[6]).intValue()))
                .toList(), page, size, total);
    }

    PeriodClose closed(Period period) {
        PeriodClose close = PeriodClose.findById(period.name());
        if (close == null) {
            throw ProblemException.notFound("Period " + period.name() + " is not closed");
        }
        return close;
    }
}
