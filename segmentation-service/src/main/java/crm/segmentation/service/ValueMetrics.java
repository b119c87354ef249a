package crm.segmentation.service;

import crm.db.AdvisoryLock;
import crm.segmentation.config.SegmentationConfig;
import crm.segmentation.domain.CustomerSegment;
import crm.segmentation.domain.PeriodClose;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A customer's value as of the end of the latest closed period: share of wallet, RFM code and
 * simple lifetime value (DOMAIN.md §2).
 */
@ApplicationScoped
public class ValueMetrics {
    private final EntityManager em;
    private final AgroalDataSource db;
    private final SegmentationConfig config;

    public ValueMetrics(EntityManager em, AgroalDataSource db, SegmentationConfig config) {
        this.em = em;
        this.db = db;
        this.config = config;
    }

    /** R (days since last purchase), F (purchases), M (revenue) over the window, each scored 1..5 (5 best). */
    public record Rfm(String code, long recencyDays, long frequency, BigDecimal monetary) {
    }

    /**
     * @param shareOfWallet revenue of the 12 months to {@code asOf} ÷ the wallet entered; null without a wallet
     * @param lifetimeValue m·r/(1+i−r) with m the margin of the 12 months to {@code asOf}
     */
    public record Value(Instant asOf, BigDecimal revenue12Months, BigDecimal margin12Months,
            BigDecimal shareOfWallet, Rfm rfm, BigDecimal lifetimeValue, BigDecimal retentionRate,
            BigDecimal discountRate) {
    }

    /** What the values are measured as of: the end of a closed period (the latest unless asked), and its last month. */
    private record Latest(PeriodClose close, Instant asOf, YearMonth lastMonth) {
        YearMonth rfmFrom(int months) {
            return lastMonth.minusMonths(months - 1L);
        }
    }

    private Latest latest() {
        List<?> found = PeriodClose.find("order by dayAfter desc, firstDay desc").page(0, 1).list();
        return found.isEmpty() ? null : asOf((PeriodClose) found.get(0));
    }

    private Latest asOf(PeriodClose close) {
        return new Latest(close, close.dayAfter.atStartOfDay(config.zone()).toInstant(),
                YearMonth.from(close.dayAfter.minusDays(1)));
    }

    /** Computes the RFM quintiles of the latest close if they are not kept yet, so that no lookup waits for them. */
    @Transactional
    public void computeLatestCuts() {
        Latest latest = latest();
        if (latest != null) {
            cuts(latest.close().period, latest.rfmFrom(config.rfmWindowMonths()), latest.lastMonth(), latest.asOf());
        }
    }

    /** Null until a period has been closed. */
    public Value of(CustomerSegment customer) {
        Latest latest = latest();
        return latest == null ? null : of(customer, latest);
    }

    /**
     * As of the end of the given close (the front-desk card's: the last one the customer has a level at).
     */
    public Value of(CustomerSegment customer, PeriodClose close) {
        return of(customer, asOf(close));
    }

    private Value of(CustomerSegment customer, Latest latest) {
        Instant asOf = latest.asOf();
        YearMonth lastMonth = latest.lastMonth();
        Object[] year = window(customer.customerId, lastMonth.minusMonths(11), lastMonth, asOf);
        BigDecimal revenue = year == null ? BigDecimal.ZERO : (BigDecimal) year[3];
        BigDecimal margin = year == null ? BigDecimal.ZERO : (BigDecimal) year[4];
        BigDecimal share = customer.wallet == null || customer.wallet.signum() == 0 ? null
                : revenue.divide(customer.wallet, 4, RoundingMode.HALF_UP);
        BigDecimal r = config.retentionRate();
        BigDecimal i = config.discountRate();
        BigDecimal clv = margin.multiply(r).divide(BigDecimal.ONE.add(i).subtract(r), 2, RoundingMode.HALF_UP);
        return new Value(asOf, revenue, margin, share, rfm(customer.customerId, latest), clv, r, i);
    }

    private Rfm rfm(UUID customerId, Latest latest) {
        YearMonth firstMonth = latest.rfmFrom(config.rfmWindowMonths());
        Object[] own = window(customerId, firstMonth, latest.lastMonth(), latest.asOf());
        if (own == null) {
            return null;
        }
        BigDecimal[] cuts = cuts(latest.close().period, firstMonth, latest.lastMonth(), latest.asOf());
        long recency = ((Number) own[1]).longValue();
        long frequency = ((Number) own[2]).longValue();
        BigDecimal monetary = (BigDecimal) own[3];
        String code = "" + lowIsBest(BigDecimal.valueOf(recency), Arrays.copyOfRange(cuts, 0, 4))
                + highIsBest(BigDecimal.valueOf(frequency), Arrays.copyOfRange(cuts, 4, 8))
                + highIsBest(monetary, Arrays.copyOfRange(cuts, 8, 12));
        return new Rfm(code, recency, frequency, monetary);
    }

    /** Customer, days since the last purchase, purchases, revenue and margin in the months given; null if no purchase. */
    private Object[] window(UUID customerId, YearMonth from, YearMonth to, Instant asOf) {
        List<?> rows = em.createNativeQuery(WINDOW + " WHERE customer_id = :customer")
                .setParameter("customer", customerId).setParameter("from", from.toString())
                .setParameter("to", to.toString()).setParameter("asOf", asOf).getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }

    /**
     * The quintile cut points of R, F and M (four each) of the period's window, computed on first use
     * and kept: computing them reads every customer's totals of the window (seconds for a million).
     * Null when no one bought in the window.
     */
    private BigDecimal[] cuts(String period, YearMonth from, YearMonth to, Instant asOf) {
        Object[] kept = keptCuts(period);
        if (kept == null) {
            // One transaction computes them; those asking meanwhile wait for it instead of computing them too.
            lockCuts(period);
            kept = keptCuts(period);
        }
        if (kept != null) {
            return decimals(kept);
        }
        em.createNativeQuery("""
                INSERT INTO rfm_cut (period, recency, frequency, monetary, customers)
                SELECT :period, percentile_disc(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY w.recency),
                    percentile_disc(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY w.frequency),
                    percentile_disc(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY w.monetary), count(*)
                FROM (%s) w
                HAVING count(*) > 0
                ON CONFLICT (period) DO NOTHING""".formatted(WINDOW))
                .setParameter("period", period).setParameter("from", from.toString())
                .setParameter("to", to.toString()).setParameter("asOf", asOf).executeUpdate();
        kept = keptCuts(period);
        return kept == null ? null : decimals(kept);
    }

    /**
     * Forgets the period's quintiles (a recompute's late sales move them), in the caller's transaction:
     * they are computed again from the totals it commits. It waits for a computation under way, whose
     * cuts it then removes too.
     */
    public void forgetCuts(String period) {
        lockCuts(period);
        em.createNativeQuery("DELETE FROM rfm_cut WHERE period = ?1").setParameter(1, period).executeUpdate();
    }

    private void lockCuts(String period) {
        AdvisoryLock.of("rfm-cut", period).holdUntilCommit(db);
    }

    private Object[] keptCuts(String period) {
        List<?> rows = em.createNativeQuery("""
                SELECT recency[1], recency[2], recency[3], recency[4], frequency[1], frequency[2], frequency[3],
                    frequency[4], monetary[1], monetary[2], monetary[3], monetary[4] FROM rfm_cut WHERE period = ?1""")
                .setParameter(1, period).getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }

    private static BigDecimal[] decimals(Object[] row) {
        return Arrays.stream(row).map(v -> new BigDecimal(v.toString())).toArray(BigDecimal[]::new);
    }

    private static final String WINDOW = """
            SELECT * FROM (
                SELECT customer_id, floor(extract(epoch FROM (CAST(:asOf AS timestamptz) - max(last_purchase_at))) / 86400)
                        AS recency, sum(purchases) AS frequency, sum(revenue) AS monetary, sum(revenue - cost) AS margin
                FROM customer_period WHERE period NOT LIKE '%Q%' AND period BETWEEN :from AND :to
                GROUP BY customer_id HAVING sum(purchases) > 0) v""";

    /** Recency: at or below the 20th percentile scores 5. */
    static int lowIsBest(BigDecimal value, BigDecimal[] cuts) {
        for (int k = 0; k < cuts.length; k++) {
            if (value.compareTo(cuts[k]) <= 0) {
                return 5 - k;
            }
        }
        return 1;
    }

    /** Frequency and monetary value: above the 80th percentile scores 5. */
    static int highIsBest(BigDecimal value, BigDecimal[] cuts) {
        for (int k = cuts.length - 1; k >= 0; k--) {
            if (value.compareTo(cuts[k]) > 0) {
                return k + 2;
            }
        }
        return 1;
    }
}
