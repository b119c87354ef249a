package crm.events;

import crm.events.config.EventsConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;

/**
 * What the service's events are waiting on, read at most once a second for health and metrics: the
 * age of the oldest event not yet published, the events the broker refused, the events a consumer
 * set aside.
 */
@ApplicationScoped
public class EventBacklog {
    private static final Duration FRESH = Duration.ofSeconds(1);
    private static final String FIGURES = """
            SELECT extract(epoch FROM now() - (SELECT created_at FROM outbox_event
                    WHERE sent_at IS NULL AND refused_at IS NULL ORDER BY position LIMIT 1)),
                (SELECT count(*) FROM outbox_event WHERE refused_at IS NOT NULL),
                (SELECT count(*) FROM failed_event WHERE consumer = ?1)""";

    private final EntityManager em;
    private final EventsConfig config;
    private volatile Figures last;

    public EventBacklog(EntityManager em, EventsConfig config) {
        this.em = em;
        this.config = config;
    }

    /** Seconds since the oldest unpublished event was written (0 when there is none), refused and failed events. */
    public record Figures(double outboxLagSeconds, long refused, long failed, Instant at) {
    }

    /** The figures, read again when older than a second. */
    public Figures figures() {
        Figures figures = last;
        if (figures == null || figures.at().plus(FRESH).isBefore(Instant.now())) {
            figures = read();
            last = figures;
        }
        return figures;
    }

    private Figures read() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery(FIGURES).setParameter(1, config.consumerGroup())
                    .getSingleResult();
            double lag = row[0] == null ? 0 : ((Number) row[0]).doubleValue();
            return new Figures(Math.max(0, lag), ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                    Instant.now());
        });
    }
}
