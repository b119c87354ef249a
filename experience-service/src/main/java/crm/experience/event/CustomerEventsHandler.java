package crm.experience.event;

import crm.events.customer.CustomerErased;
import crm.events.customer.CustomerEvents;
import crm.events.customer.CustomerMerged;
import crm.events.inbox.EventHandler;
import crm.events.inbox.Subscriptions;
import crm.experience.service.ExperienceCustomerService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/**
 * What experience does with customer-service's events. A merge or an erasure is passed on as a CDI event,
 * observed synchronously in the consumer's transaction by each part of the service that holds customer data
 * (logs, surveys, complaints), so each keeps its own rule and one event still has one all-or-nothing effect.
 */
@ApplicationScoped
public class CustomerEventsHandler implements EventHandler {
    private final ExperienceCustomerService customers;
    private final Event<CustomerMerged> merged;
    private final Event<CustomerErased> erased;

    public CustomerEventsHandler(ExperienceCustomerService customers, Event<CustomerMerged> merged,
            Event<CustomerErased> erased) {
        this.customers = customers;
        this.merged = merged;
        this.erased = erased;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions
                .on(CustomerEvents.REGISTERED, customers::register)
                .on(CustomerEvents.MERGED, merged::fire)
                .on(CustomerEvents.ERASED, erased::fire);
    }
}
