package crm.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.UUID;

/**
 * A customer's erasure reaches the events a service still holds about them: the sent events its
 * outbox keeps, and the payloads of events its consumers could not apply ({@code failed_event}).
 * Unsent events stay: they carry no free text, and one of them may be the erasure itself.
 */
@ApplicationScoped
public class EventErasure {
    private static final String SENT = """
            DELETE FROM outbox_event WHERE event_key = ANY (CAST(?1 AS text[])) AND sent_at IS NOT NULL AND bulk IS NULL""";
    private static final String FAILED = """
            UPDATE failed_event SET payload = NULL, error = 'The customer was erased; the event was removed'
            WHERE record_key = ANY (CAST(?1 AS text[]))""";

    private final EntityManager em;

    public EventErasure(EntityManager em) {
        this.em = em;
    }

    /** Removes what the events keyed by these customers hold, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(Collection<UUID> customerIds) {
        String keys = customerIds.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
        em.createNativeQuery(SENT).setParameter(1, keys).executeUpdate();
        em.createNativeQuery(FAILED).setParameter(1, keys).executeUpdate();
    }
}
