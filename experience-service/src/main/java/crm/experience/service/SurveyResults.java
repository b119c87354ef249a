package crm.experience.service;

import crm.experience.domain.Satisfaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A survey's results over [from, to) of answeredAt, counted in one SQL aggregate. Shares are
 * fractions with 4 decimals (0.2500 = 25%); NPS is in points with 2 decimals (−100..100); means
 * have 2 decimals; all rounded half up from exact counts. A figure nobody answered is null.
 */
@ApplicationScoped
public class SurveyResults {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final SurveyService surveys;
    private final EntityManager em;

    public SurveyResults(SurveyService surveys, EntityManager em) {
        this.surveys = surveys;
        this.em = em;
    }

    @Schema(name = "SatisfactionLevel")
    public record Level(int level, @Schema(examples = "dazzled") String label, long count, BigDecimal share) {
    }

    @Schema(name = "SatisfactionFigures")
    public record SatisfactionFigures(long answers, List<Level> distribution,
            @Schema(description = "Share of 5s: the reliably loyal", examples = "0.3750") BigDecimal shareOf5,
            @Schema(description = "Share of 1s and 2s: the unhappy", examples = "0.2500") BigDecimal shareOf1To2,
            BigDecimal mean) {
    }

    @Schema(name = "NpsFigures")
    public record Nps(long answers, long promoters, long passives, long detractors,
            @Schema(description = "% 9-10 minus % 0-6", examples = "14.29") BigDecimal score) {
    }

    @Schema(name = "SatisfactionGap")
    public record Gap(@Schema(description = "Responses answering both expectation and experience") long answers,
            @Schema(description = "Mean of experience − expectation; above 0: delivered more than promised", examples = "0.50")
            BigDecimal mean) {
    }

    @Schema(name = "SurveyResults")
    public record Results(UUID surveyId, Instant from, Instant to, long responses, SatisfactionFigures satisfaction,
            Nps nps, Gap gap) {
    }

    @Transactional
    public Results of(UUID surveyId, Instant from, Instant to) {
        Figures.check(from, to);
        surveys.get(surveyId);
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT count(*), count(satisfaction),
                    count(*) FILTER (WHERE satisfaction = 1), count(*) FILTER (WHERE satisfaction = 2),
                    count(*) FILTER (WHERE satisfaction = 3), count(*) FILTER (WHERE satisfaction = 4),
                    count(*) FILTER (WHERE satisfaction = 5), round(avg(satisfaction), 2),
                    count(nps), count(*) FILTER (WHERE nps >= 9), count(*) FILTER (WHERE nps <= 6),
                    count(experience - expectation), round(avg(experience - expectation), 2)
                FROM survey_response WHERE survey_id = ?1 AND answered_at >= ?2 AND answered_at < ?3""")
                .setParameter(1, surveyId)
                .setParameter(2, Figures.from(from))
                .setParameter(3, Figures.to(to))
                .getSingleResult();
        long rated = Figures.count(row[1]);
        List<Level> levels = new ArrayList<>();
        for (int level = 1; level <= 5; level++) {
            long n = Figures.count(row[level + 1]);
            levels.add(new Level(level, Satisfaction.label(level), n, Figures.share(n, rated)));
        }
        long unhappy = levels.stream().filter(l -> Satisfaction.unhappy(l.level())).mapToLong(Level::count).sum();
        SatisfactionFigures satisfaction = new SatisfactionFigures(rated, levels, Figures.share(levels.get(4).count(), rated),
                Figures.share(unhappy, rated), (BigDecimal) row[7]);
        long rating = Figures.count(row[8]);
        long promoters = Figures.count(row[9]);
        long detractors = Figures.count(row[10]);
        Nps nps = new Nps(rating, promoters, rating - promoters - detractors, detractors, rating == 0 ? null
                : BigDecimal.valueOf(promoters - detractors).multiply(HUNDRED).divide(BigDecimal.valueOf(rating), 2, RoundingMode.HALF_UP));
        return new Results(surveyId, from, to, Figures.count(row[0]), satisfaction, nps,
                new Gap(Figures.count(row[11]), (BigDecimal) row[12]));
    }
}
