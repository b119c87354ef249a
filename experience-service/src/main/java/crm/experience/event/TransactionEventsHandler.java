package crm.experience.event;

import crm.events.inbox.EventHandler;
import crm.events.inbox.Subscriptions;
import crm.events.transaction.TransactionEvents;
import crm.experience.service.CustomerHistory;
import jakarta.enterprise.context.ApplicationScoped;

/** What experience does with segmentation-service's ledger: first purchases, for new and returning cohorts. */
@ApplicationScoped
public class TransactionEventsHandler implements EventHandler {
    private final CustomerHistory history;

    public TransactionEventsHandler(CustomerHistory history) {
        this.history = history;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(TransactionEvents.RECORDED, history::purchased);
    }
}
