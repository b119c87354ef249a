package crm.events.customer;

import crm.events.EventType;
import crm.events.Topics;

/** Events on {@code crm.customer.v1}, published by customer-service. */
public final class CustomerEvents {
    public static final EventType<CustomerRegistered> REGISTERED =
            EventType.of("CustomerRegistered", Topics.CUSTOMER, CustomerRegistered.class);

    private CustomerEvents() {
    }
}
