package crm.events.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer record was created. Carries no personal data: other services need only to know
 * that the customer exists; names and contacts stay in customer-service.
 */
public record CustomerRegistered(UUID customerId, String kind, Instant registeredAt) {
}
