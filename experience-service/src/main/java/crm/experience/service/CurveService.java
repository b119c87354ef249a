package crm.experience.service;

import crm.experience.domain.Cohort;
import crm.experience.domain.Journey;
import crm.experience.domain.LogEntry;
import crm.experience.domain.Visit;
import crm.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Emotion curves: of one visit, and of a journey for a cohort (mean score per touch point). */
@ApplicationScoped
public class CurveService {
    private final EntityManager em;
    private final JourneyService journeys;

    public CurveService(EntityManager em, JourneyService journeys) {
        this.em = em;
        this.journeys = journeys;
    }

    public record VisitCurve(Visit visit, Journey journey, List<LogEntry> entries, PeakEnd.Result rule) {
    }

    /** Mean to two decimals (half up); null when no entry. */
    public record Point(Steps.Step step, long count, BigDecimal mean) {
    }

    public record JourneyCurve(Journey latest, List<Point> points) {
    }

    @Transactional
    public VisitCurve visit(String visitId) {
        Visit visit = Visit.findById(visitId);
        if (visit == null) {
            throw ProblemException.notFound("No visit " + visitId);
        }
        List<LogEntry> entries = LogEntry.list("visitId = ?1 order by position", visitId);
        return new VisitCurve(visit, em.find(Journey.class, visit.journeyId), entries,
                PeakEnd.of(entries.stream().map(e -> e.score).toList()));
    }

    @Transactional
    public JourneyCurve journey(AnalysisScope scope, Cohort cohort) {
        Steps steps = journeys.steps(scope.journeyCode());
        boolean byCohort = cohort != Cohort.ALL;
        String sql = "SELECT e.touch_point_code, count(*), sum(e.score) FROM visit v JOIN log_entry e ON e.visit_id = v.visit_id"
                + (byCohort ? " LEFT JOIN customer_history h ON h.customer_id = v.customer_id" : "")
                + " WHERE " + scope.where() + (byCohort ? " AND " + Cohorts.SQL + " = :cohort" : "")
                + " GROUP BY e.touch_point_code";
        var query = scope.bind(em.createNativeQuery(sql));
        if (byCohort) {
            query.setParameter("cohort", cohort.name());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<String, Object[]> byCode = new HashMap<>();
        rows.forEach(row -> byCode.put((String) row[0], row));
        List<Point> points = steps.steps().stream()
                .filter(step -> step.inLatestVersion() || byCode.containsKey(step.code()))
                .map(step -> {
                    Object[] row = byCode.get(step.code());
                    long count = row == null ? 0 : ((Number) row[1]).longValue();
                    return new Point(step, count, row == null ? null : Figures.mean(Figures.count(row[2]), count));
                })
                .toList();
        return new JourneyCurve(steps.latest(), points);
    }
}
