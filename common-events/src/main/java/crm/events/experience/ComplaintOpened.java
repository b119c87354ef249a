package crm.events.experience;

import java.time.Instant;
import java.util.UUID;

/**
 * A complaint was opened, by a customer or automatically (a survey satisfaction level of 1-2 or
 * an experience entry of −3). Ids, codes and times only: the description stays in
 * experience-service. {@code customerId} is null for a complaint without a known customer (an
 * anonymous guest's −3); the event is then keyed by {@code complaintId}.
 *
 * @param severity  LOW, MEDIUM, HIGH or CRITICAL
 * @param source    CUSTOMER (raised by the customer), SURVEY or EXPERIENCE_LOG (opened automatically)
 * @param respondBy the response deadline its severity gives
 */
public record ComplaintOpened(UUID complaintId, UUID customerId, String visitId, String journeyCode,
        String touchPointCode, String severity, String channel, String source, String ownerId, Instant openedAt,
        Instant respondBy) {
}
