package crm.experience.event;

import crm.events.customer.CustomerEvents;
import crm.events.inbox.EventHandler;
import crm.events.inbox.Subscriptions;
import crm.experience.service.ExperienceCustomerService;
import jakarta.enterprise.context.ApplicationScoped;

/** What experience does with customer-service's events. */
@ApplicationScoped
public class CustomerEventsHandler implements EventHandler {
    private final ExperienceCustomerService customers;

    public CustomerEventsHandler(ExperienceCustomerService customers) {
        this.customers = customers;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(CustomerEvents.REGISTERED, customers::register);
    }
}
