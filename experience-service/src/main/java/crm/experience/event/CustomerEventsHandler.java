package crm.experience.event;

import crm.events.customer.CustomerEvents;
import crm.events.inbox.EventHandler;
import crm.events.inbox.Subscriptions;
import crm.experience.service.CustomerPrivacy;
import crm.experience.service.ExperienceCustomerService;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What experience does with customer-service's events. A merge or an erasure goes to {@link CustomerPrivacy}, which
 * passes it on as a CDI event observed synchronously in the consumer's transaction by each part of the service that
 * holds customer data (logs, surveys, complaints), so each keeps its own rule and one event still has one
 * all-or-nothing effect.
 */
@ApplicationScoped
public class CustomerEventsHandler implements EventHandler {
    private final ExperienceCustomerService customers;
    private final CustomerPrivacy privacy;

    public CustomerEventsHandler(ExperienceCustomerService customers, CustomerPrivacy privacy) {
        this.customers = customers;
        this.privacy = privacy;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions
                .on(CustomerEvents.REGISTERED, customers::register)
                .on(CustomerEvents.MERGED, privacy::merged)
                .on(CustomerEvents.ERASED, privacy::erased);
    }
}
