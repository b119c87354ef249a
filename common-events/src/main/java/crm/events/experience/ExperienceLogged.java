package crm.events.experience;

import java.time.Instant;
import java.util.UUID;

/**
 * How one touch point of a visit felt, on the scale −3..+3. {@code visitId} is the caller's own id of the
 * visit (a ticket number or a UUID); {@code customerId} is null for anonymous guests.
 */
public record ExperienceLogged(UUID entryId, String visitId, UUID customerId, String journeyCode,
        String touchPointCode, int score, Instant occurredAt) {
}
