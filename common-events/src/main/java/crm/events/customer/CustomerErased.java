package crm.events.customer;

import java.time.Instant;
import java.util.UUID;

/** The customer exercised the right to erasure: every service removes or anonymises their personal data. */
public record CustomerErased(UUID customerId, Instant erasedAt) {
}
