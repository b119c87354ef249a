package crm.segmentation.event;

import crm.events.EventType;
import crm.events.outbox.BulkEventSource;
import crm.events.segment.SegmentChanged;
import crm.events.segment.SegmentEvents;
import crm.segmentation.domain.Period;
import crm.segmentation.domain.PyramidScheme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;

/**
 * The SegmentChanged events of one close or recompute of a period (reference {@code 2026-10/0}):
 * the customers whose level that revision announced, read from the period's levels.
 */
@ApplicationScoped
public class SegmentChangeSource implements BulkEventSource<SegmentChanged> {
    public static final String NAME = "segment-changes";

    private final EntityManager em;
    private final PyramidScheme scheme;

    public SegmentChangeSource(EntityManager em, PyramidScheme scheme) {
        this.em = em;
        this.scheme = scheme;
    }

    public static String reference(Period period, int revision) {
        return period.name() + "/" + revision;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EventType<SegmentChanged> type() {
        return SegmentEvents.CHANGED;
    }

    @Override
    public void read(String reference, BiConsumer<UUID, SegmentChanged> sink) {
        int slash = reference.lastIndexOf('/');
        String period = reference.substring(0, slash);
        @SuppressWarnings("unchecked")
        Stream<Object[]> rows = em.createNativeQuery("""
                SELECT customer_id, announced_from, level, %s, revenue, margin, rank
                FROM period_level WHERE period = ?1 AND revision = ?2"""
                        .formatted(scheme.directionSql("announced_from", "level")))
                .setParameter(1, period)
                .setParameter(2, Integer.parseInt(reference.substring(slash + 1)))
                .setHint(HibernateHints.HINT_FETCH_SIZE, 10_000)
                .getResultStream();
        try (rows) {
            rows.forEach(r -> sink.accept((UUID) r[0], new SegmentChanged((UUID) r[0], period, (String) r[1],
                    (String) r[2], (String) r[3], (BigDecimal) r[4], (BigDecimal) r[5],
                    r[6] == null ? null : ((Number) r[6]).intValue())));
        }
    }
}
