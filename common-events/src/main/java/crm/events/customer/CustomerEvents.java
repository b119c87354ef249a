package crm.events.customer;

import crm.events.EventType;
import crm.events.Topics;

/** Events on {@code crm.customer.v1}, published by customer-service. */
public final class CustomerEvents {
    public static final EventType<CustomerRegistered> REGISTERED =
            EventType.of("CustomerRegistered", Topics.CUSTOMER, CustomerRegistered.class);
    public static final EventType<CustomerUpdated> UPDATED =
            EventType.of("CustomerUpdated", Topics.CUSTOMER, CustomerUpdated.class);
    public static final EventType<CustomerMerged> MERGED =
            EventType.of("CustomerMerged", Topics.CUSTOMER, CustomerMerged.class);
    public static final EventType<CustomerErased> ERASED =
            EventType.of("CustomerErased", Topics.CUSTOMER, CustomerErased.class);
    public static final EventType<ConsentChanged> CONSENT_CHANGED =
            EventType.of("ConsentChanged", Topics.CUSTOMER, ConsentChanged.class);

    private CustomerEvents() {
    }
}
