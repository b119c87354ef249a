package crm.events.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/** The dead-letter table: records a consumer gave up on, with the reason. */
@ApplicationScoped
public class FailedEvents {
    private static final Logger LOG = Logger.getLogger(FailedEvents.class);

    private final EntityManager em;

    public FailedEvents(EntityManager em) {
        this.em = em;
    }

    public void record(String consumer, ConsumerRecord<String, String> record, String error) {
        LOG.errorf("Giving up on %s-%d offset %d (key %s): %s; kept in failed_event", record.topic(),
                record.partition(), record.offset(), record.key(), error);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO failed_event (consumer, topic, partition_no, record_offset, record_key, payload, error, failed_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
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
}
