package crm.events.inbox;

import crm.events.config.EventsConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * The dead-letter table: records a consumer gave up on, with the reason; an operator lists them and
 * replays each through the same handler once the cause is gone.
 */
@ApplicationScoped
public class FailedEvents {
    private static final Logger LOG = Logger.getLogger(FailedEvents.class);
    private static final int LISTED = 100;
    private static final String INSERT = """
            INSERT INTO failed_event (consumer, topic, partition_no, record_offset, record_key, payload, error, failed_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""";
    private static final String OLDEST = """
            SELECT id, topic, partition_no, record_offset, record_key, error, failed_at FROM failed_event
            WHERE consumer = ?1 ORDER BY id LIMIT ?2""";
    private static final String COUNT = "SELECT count(*) FROM failed_event WHERE consumer = ?1";
    private static final String PAYLOAD = "SELECT payload FROM failed_event WHERE id = ?1 AND consumer = ?2";
    private static final String REMOVE = "DELETE FROM failed_event WHERE id = ?1";

    private final EntityManager em;
    private final EventApplier applier;
    private final EventsConfig config;

    public FailedEvents(EntityManager em, EventApplier applier, EventsConfig config) {
        this.em = em;
        this.applier = applier;
        this.config = config;
    }

    /** A record set aside: where it was on its topic, its key (the customer), why, and when. */
    @Schema(name = "FailedEvent", description = "A record the consumer set aside; its payload is not shown")
    public record FailedEvent(long id, String topic, int partition, long offset, String key, String error,
            Instant failedAt) {
    }

    /** How many are set aside, and the oldest of them (at most 100). */
    @Schema(name = "FailedEvents", description = "How many records are set aside, and the oldest 100 of them")
    public record Listing(long total, List<FailedEvent> events) {
    }

    /** A replay's result: applied now, or found applied already (the entry is gone either way). */
    @Schema(name = "FailedEventReplay",
            description = "Applied now, or found applied before; gone from the list either way")
    public record Replayed(long id, boolean applied) {
    }

    public void record(String consumer, ConsumerRecord<String, String> record, String error) {
        LOG.errorf("Giving up on %s-%d offset %d (key %s): %s; kept in failed_event", record.topic(),
                record.partition(), record.offset(), record.key(), error);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(INSERT)
                .setParameter(1, consumer)
                .setParameter(2, record.topic())
                .setParameter(3, record.partition())
                .setParameter(4, record.offset())
                .setParameter(5, record.key())
                .setParameter(6, record.value())
                .setParameter(7, error)
                .setParameter(8, Instant.now())
                .executeUpdate());
    }

    public Listing list() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(OLDEST)
                    .setParameter(1, config.consumerGroup()).setParameter(2, LISTED).getResultList();
            List<FailedEvent> events = rows.stream().map(row -> new FailedEvent(((Number) row[0]).longValue(),
                    (String) row[1], ((Number) row[2]).intValue(), ((Number) row[3]).longValue(), (String) row[4],
                    (String) row[5], instant(row[6]))).toList();
            long total = ((Number) em.createNativeQuery(COUNT).setParameter(1, config.consumerGroup())
                    .getSingleResult()).longValue();
            return new Listing(total, events);
        });
    }

    /** A timestamptz as the driver hands it to a native query. */
    private static Instant instant(Object value) {
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toInstant();
        }
        return (Instant) value;
    }

    /**
     * Applies a set-aside event through its handler and removes it, in one transaction; empty if there
     * is no such entry.
     *
     * @throws InvalidEvent if the record cannot be read (or was erased): it stays set aside
     */
    public Optional<Replayed> replay(long id) {
        List<?> payload = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(PAYLOAD)
                .setParameter(1, id).setParameter(2, config.consumerGroup()).getResultList());
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        boolean applied = applier.apply((String) payload.get(0),
                () -> em.createNativeQuery(REMOVE).setParameter(1, id).executeUpdate());
        LOG.infof("Replayed failed_event %d: %s", id, applied ? "applied" : "applied before");
        return Optional.of(new Replayed(id, applied));
    }
}
