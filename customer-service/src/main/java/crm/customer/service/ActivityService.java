package crm.customer.service;

import crm.customer.domain.Customer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** When we last saw the customer: their latest purchase or logged experience. */
@ApplicationScoped
public class ActivityService {
    private final CustomerLookup lookup;

    public ActivityService(CustomerLookup lookup) {
        this.lookup = lookup;
    }

    /**
     * Moves last-seen forward only, so events arriving out of order cannot move it back; a merged
     * record's activity is its survivor's, and an erased customer is never seen again.
     */
    @Transactional
    public void seen(UUID customerId, Instant at) {
        if (customerId == null || at == null) {
            return;
        }
        lookup.activeFollowingMerges(customerId).ifPresent(customer -> Customer.update(
                "lastSeenAt = ?2 where id = ?1 and (lastSeenAt is null or lastSeenAt < ?2)", customer.id, at));
    }
}
