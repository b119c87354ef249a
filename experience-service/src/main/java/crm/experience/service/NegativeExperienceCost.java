package crm.experience.service;

import crm.experience.config.CostConfig;
import crm.experience.domain.ComplaintSource;
import crm.experience.domain.ComplaintStatus;
import crm.experience.domain.Outcome;
import crm.experience.domain.Satisfaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Revenue lost to negative experiences (DOMAIN.md §3): lost = R·b·(c·Lc + (1−c)·Ls), split into
 * complainers and the silent. Each rate is measured from this service's data over [from, to)
 * where there is enough of it, else the configured default:
 * <ul>
 * <li>b: of the customers who gave a satisfaction level, the share who gave 1 or 2 at least once
 * (survey responses, not logs: a level is the customer's own verdict, a log score may be staff's);
 * anonymous and erased respondents cannot be told apart and are left out;</li>
 * <li>c: of those unhappy customers, the share who raised a complaint themselves (source CUSTOMER)
 * opened in the period; complaints the closed loop opened do not count, since the survey itself
 * would make every surveyed unhappy customer a complainer;</li>
 * <li>Lc, Rc, Ac: the outcomes of the complaints closed in the period, whatever opened them;</li>
 * <li>Ls, As: always the defaults: the silent are, by definition, never heard.</li>
 * </ul>
 * Rates are fractions with 4 decimals; the money figures are computed from the rates as shown and
 * rounded half up to 2 decimals, so a reader can recompute them.
 */
@ApplicationScoped
public class NegativeExperienceCost {
    private static final int RATE_SCALE = 4;
    private static final BigDecimal ONE_POINT = new BigDecimal("0.01");

    private final CostConfig config;
    private final EntityManager em;

    public NegativeExperienceCost(CostConfig config, EntityManager em) {
        this.config = config;
        this.em = em;
    }

    @Schema(name = "RateBasis")
    public enum Basis {
        MEASURED, DEFAULT
    }

    @Schema(name = "CostRate")
    public record Rate(@Schema(examples = "0.2200") BigDecimal value, Basis basis,
            @Schema(description = "How many it was measured on (or would be)") long sample,
            @Schema(description = "The sample needed to measure it; null: never measured") Integer minimumSample) {
    }

    @Schema(name = "CostRates")
    public record Rates(
            @Schema(description = "b: share of customers with a bad experience") Rate badExperience,
            @Schema(description = "c: share of the unhappy who complain") Rate complaint,
            @Schema(description = "Lc") Rate complainersLost, Rate complainersRecovered, Rate complainersAtRisk,
            @Schema(description = "Ls") Rate silentLost, Rate silentAtRisk) {
    }

    @Schema(name = "EasyComplaints")
    public record EasyComplaints(
            @Schema(description = "R·b·Lc: lost if every unhappy customer complained", examples = "3080000.00") BigDecimal lost,
            @Schema(description = "Less than now: R·b·(1−c)·(Ls−Lc)", examples = "1832600.00") BigDecimal saved,
            @Schema(description = "Saved by each further point of complaint rate: R·b·0.01·(Ls−Lc)", examples = "18700.00")
            BigDecimal savedPerPointOfComplaintRate,
            String why) {
    }

    @Schema(name = "NegativeExperienceCost")
    public record Cost(BigDecimal annualRevenue, Instant from, Instant to, Rates rates,
            @Schema(examples = "61600.00") BigDecimal lostFromComplainers,
            @Schema(examples = "4851000.00") BigDecimal lostFromSilent,
            @Schema(examples = "4912600.00") BigDecimal lost,
            @Schema(description = "R·b·c·Ac") BigDecimal atRiskFromComplainers,
            @Schema(description = "R·b·(1−c)·As") BigDecimal atRiskFromSilent,
            @Schema(description = "Why making complaints easy pays") EasyComplaints ifEveryUnhappyCustomerComplained) {
    }

    @Transactional
    public Cost of(BigDecimal revenue, Instant from, Instant to) {
        Figures.check(from, to);
        Rates rates = rates(Figures.from(from), Figures.to(to));
        BigDecimal unhappyRevenue = revenue.multiply(rates.badExperience().value());
        BigDecimal c = rates.complaint().value();
        BigDecimal complainers = unhappyRevenue.multiply(c);
        BigDecimal silent = unhappyRevenue.multiply(BigDecimal.ONE.subtract(c));
        BigDecimal lostFromComplainers = money(complainers.multiply(rates.complainersLost().value()));
        BigDecimal lostFromSilent = money(silent.multiply(rates.silentLost().value()));
        BigDecimal lost = lostFromComplainers.add(lostFromSilent);
        BigDecimal lossGap = rates.silentLost().value().subtract(rates.complainersLost().value());
        BigDecimal lostIfAllComplained = money(unhappyRevenue.multiply(rates.complainersLost().value()));
        EasyComplaints easy = new EasyComplaints(lostIfAllComplained, lost.subtract(lostIfAllComplained),
                money(unhappyRevenue.multiply(ONE_POINT).multiply(lossGap)),
                "A complaint is a chance to recover the customer: of complainers " + percent(rates.complainersLost())
                        + " are lost, of the silent unhappy " + percent(rates.silentLost())
                        + ". Every unhappy customer who speaks up instead of leaving quietly is revenue that can be saved.");
        return new Cost(revenue, from, to, rates, lostFromComplainers, lostFromSilent, lost,
                money(complainers.multiply(rates.complainersAtRisk().value())),
                money(silent.multiply(rates.silentAtRisk().value())), easy);
    }

    private Rates rates(Instant from, Instant to) {
        CostConfig.Defaults defaults = config.defaults();
        Object[] surveyed = (Object[]) em.createNativeQuery("""
                SELECT count(*), count(*) FILTER (WHERE s.unhappy),
                    count(*) FILTER (WHERE s.unhappy AND EXISTS (SELECT 1 FROM complaint c
                        WHERE c.customer_id = s.customer_id AND c.source = ?4 AND c.opened_at >= ?1 AND c.opened_at < ?2))
                FROM (SELECT customer_id, min(satisfaction) <= ?3 AS unhappy FROM survey_response
                      WHERE customer_id IS NOT NULL AND satisfaction IS NOT NULL AND answered_at >= ?1 AND answered_at < ?2
                      GROUP BY customer_id) s""")
                .setParameter(1, from).setParameter(2, to).setParameter(3, Satisfaction.UNHAPPY_MAX)
                .setParameter(4, ComplaintSource.CUSTOMER.name())
                .getSingleResult();
        Object[] closed = (Object[]) em.createNativeQuery("""
                SELECT count(*), count(*) FILTER (WHERE outcome = ?4), count(*) FILTER (WHERE outcome = ?5),
                    count(*) FILTER (WHERE outcome = ?6)
                FROM complaint WHERE status = ?3 AND closed_at >= ?1 AND closed_at < ?2""")
                .setParameter(1, from).setParameter(2, to).setParameter(3, ComplaintStatus.CLOSED.name())
                .setParameter(4, Outcome.LOST.name()).setParameter(5, Outcome.RECOVERED.name())
                .setParameter(6, Outcome.AT_RISK.name())
                .getSingleResult();
        long customers = Figures.count(surveyed[0]);
        long unhappy = Figures.count(surveyed[1]);
        long closedCount = Figures.count(closed[0]);
        return new Rates(
                rate(unhappy, customers, config.minSurveyedCustomers(), defaults.badExperienceRate()),
                rate(Figures.count(surveyed[2]), unhappy, config.minUnhappyCustomers(), defaults.complaintRate()),
                rate(Figures.count(closed[1]), closedCount, config.minClosedComplaints(), defaults.complainersLost()),
                rate(Figures.count(closed[2]), closedCount, config.minClosedComplaints(), defaults.complainersRecovered()),
                rate(Figures.count(closed[3]), closedCount, config.minClosedComplaints(), defaults.complainersAtRisk()),
                new Rate(scaled(defaults.silentLost()), Basis.DEFAULT, 0, null),
                new Rate(scaled(defaults.silentAtRisk()), Basis.DEFAULT, 0, null));
    }

    private static Rate rate(long part, long sample, int minimum, BigDecimal fallback) {
        if (sample < minimum || sample == 0) {
            return new Rate(scaled(fallback), Basis.DEFAULT, sample, minimum);
        }
        return new Rate(Figures.share(part, sample), Basis.MEASURED, sample, minimum);
    }

    private static BigDecimal scaled(BigDecimal rate) {
        return rate.setScale(RATE_SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static String percent(Rate rate) {
        return rate.value().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
