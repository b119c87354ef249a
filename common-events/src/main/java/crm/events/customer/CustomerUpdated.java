package crm.events.customer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A customer's profile changed: which fields, never their values (those stay in customer-service). */
public record CustomerUpdated(UUID customerId, List<String> changedFields, long version, Instant updatedAt) {
}
