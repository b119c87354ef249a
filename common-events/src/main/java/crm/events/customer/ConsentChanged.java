package crm.events.customer;

import java.time.Instant;
import java.util.UUID;

/** A consent for a purpose on a channel was granted, denied or withdrawn. */
public record ConsentChanged(UUID customerId, String purpose, String channel, String status, String source,
        Instant changedAt) {
}
