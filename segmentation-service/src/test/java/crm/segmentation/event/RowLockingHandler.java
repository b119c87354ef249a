package crm.segmentation.event;

import crm.events.customer.CustomerEvents;
import crm.events.customer.CustomerUpdated;
import crm.events.inbox.EventHandler;
import crm.events.inbox.Subscriptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * A handler that meets a busy database, for {@link ConsumerRetryIT}: it takes the customer's segment
 * row at once or fails (NOWAIT, "lock not available"), so a test holding that row is database trouble.
 * Segmentation itself does nothing with CustomerUpdated.
 */
@ApplicationScoped
public class RowLockingHandler implements EventHandler {
    private final EntityManager em;

    public RowLockingHandler(EntityManager em) {
        this.em = em;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(CustomerEvents.UPDATED, this::lockRow);
    }

    private void lockRow(CustomerUpdated updated) {
        em.createNativeQuery("SELECT customer_id FROM customer_segment WHERE customer_id = ?1 FOR UPDATE NOWAIT")
                .setParameter(1, updated.customerId())
                .getResultList();
    }
}
