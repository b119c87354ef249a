package crm.events.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** The ids of the events a consumer has applied, written in the same transaction as the effect. */
@ApplicationScoped
public class ProcessedEvents {
    private final EntityManager em;

    public ProcessedEvents(EntityManager em) {
        this.em = em;
    }

    /**
     * Inserts first: true if this is the first delivery of the event to this consumer. A
     * concurrent duplicate waits on the row lock and then gets false.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        return em.createNativeQuery("""
                INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (?1, ?2, ?3)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, Instant.now())
                .executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void purgeBefore(Instant cutoff) {
        em.createNativeQuery("DELETE FROM processed_event WHERE processed_at < ?1")
                .setParameter(1, cutoff)
                .executeUpdate();
    }
}
