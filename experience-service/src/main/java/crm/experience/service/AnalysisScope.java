package crm.experience.service;

import jakarta.persistence.Query;
import java.time.Instant;

/**
 * Which visits of a journey an analysis covers: those that started in [from, to), optionally at one store.
 * Visit {@code v} in the SQL.
 */
public record AnalysisScope(String journeyCode, Instant from, Instant to, String store) {

    public AnalysisScope {
        Figures.check(from, to);
    }

    String where() {
        return "v.journey_code = :journeyCode" + (from == null ? "" : " AND v.started_at >= :from")
                + (to == null ? "" : " AND v.started_at < :to") + (store == null ? "" : " AND v.store = :store");
    }

    Query bind(Query query) {
        query.setParameter("journeyCode", journeyCode);
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        if (store != null) {
            query.setParameter("store", store);
        }
        return query;
    }
}
