package crm.experience.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moments of truth (DOMAIN.md §3): how often each touch point is a visit's negative peak, positive peak and
 * end, with its mean score; ranked by negative peaks, then positive peaks, then ends, then journey order.
 * One SQL statement: per visit its peak (by {@link PeakEnd}'s key) and end, counted per touch point.
 */
@ApplicationScoped
public class MomentsOfTruthService {
    private static final String SQL = """
            WITH scoped AS NOT MATERIALIZED (
                SELECT v.visit_id, v.journey_id, e.touch_point_code, e.position, e.score
                FROM visit v JOIN log_entry e ON e.visit_id = v.visit_id WHERE %s),
            per_visit AS (
                SELECT e.journey_id, max(e.position) AS end_position, max(%s) AS peak_key
                FROM scoped e GROUP BY e.visit_id, e.journey_id),
            moments AS (
                SELECT t.code,
                    count(*) FILTER (WHERE t.position = %3$s AND %4$s < 0) AS negative_peaks,
                    count(*) FILTER (WHERE t.position = %3$s AND %4$s > 0) AS positive_peaks,
                    count(*) FILTER (WHERE t.position = p.end_position) AS ends
                FROM per_visit p JOIN touch_point t ON t.journey_id = p.journey_id AND t.position IN (p.end_position, %3$s)
                GROUP BY t.code),
            scores AS (
                SELECT touch_point_code AS code, count(*) AS entries, sum(score) AS total FROM scoped GROUP BY touch_point_code)
            SELECT s.code, s.entries, s.total, coalesce(m.negative_peaks, 0), coalesce(m.positive_peaks, 0), coalesce(m.ends, 0)
            FROM scores s LEFT JOIN moments m ON m.code = s.code""";

    private final EntityManager em;
    private final JourneyService journeys;

    public MomentsOfTruthService(EntityManager em, JourneyService journeys) {
        this.em = em;
        this.journeys = journeys;
    }

    /** Share = this touch point's negative peaks ÷ all negative peaks, to four decimals (null when none). */
    public record Moment(Steps.Step step, long negativePeaks, long positivePeaks, long ends, BigDecimal negativePeakShare,
            long entries, BigDecimal mean) {
    }

    /** {@code visits}: visits in scope (each has exactly one end). */
    public record Moments(long visits, long negativePeaks, List<Moment> touchPoints) {
    }

    @Transactional
    public Moments rank(AnalysisScope scope) {
        Steps steps = journeys.steps(scope.journeyCode());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = scope.bind(em.createNativeQuery(SQL.formatted(scope.where(), PeakEnd.SQL_PEAK_KEY,
                PeakEnd.SQL_PEAK_POSITION, PeakEnd.SQL_PEAK_SCORE))).getResultList();
        Map<String, long[]> byCode = new HashMap<>();
        for (Object[] row : rows) {
            byCode.put((String) row[0], new long[] {Figures.count(row[1]), Figures.count(row[2]),
                Figures.count(row[3]), Figures.count(row[4]), Figures.count(row[5])});
        }
        long negativePeaks = byCode.values().stream().mapToLong(r -> r[2]).sum();
        long visits = byCode.values().stream().mapToLong(r -> r[4]).sum();
        Map<String, Integer> order = new HashMap<>();
        steps.steps().forEach(step -> order.put(step.code(), order.size()));
        List<Moment> moments = steps.steps().stream()
                .filter(step -> step.inLatestVersion() || byCode.containsKey(step.code()))
                .map(step -> {
                    long[] r = byCode.getOrDefault(step.code(), new long[5]);
                    return new Moment(step, r[2], r[3], r[4], Figures.share(r[2], negativePeaks), r[0],
                            r[0] == 0 ? null : Figures.mean(r[1], r[0]));
                })
                .sorted(Comparator.comparingLong(Moment::negativePeaks).reversed()
                        .thenComparing(Comparator.comparingLong(Moment::positivePeaks).reversed())
                        .thenComparing(Comparator.comparingLong(Moment::ends).reversed())
                        .thenComparing(m -> order.get(m.step().code())))
                .toList();
        return new Moments(visits, negativePeaks, moments);
    }
}
