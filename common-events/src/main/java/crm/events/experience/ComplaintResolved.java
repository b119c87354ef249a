package crm.events.experience;

import java.time.Instant;
import java.util.UUID;

/**
 * Service recovery of a complaint is over. Published when the complaint is CLOSED, not when it
 * is RESOLVED, so it carries the outcome subscribers need (RECOVERED, AT_RISK or LOST). Ids,
 * codes and times only, never the description or notes. Keyed like {@link ComplaintOpened}.
 */
public record ComplaintResolved(UUID complaintId, UUID customerId, String journeyCode, String touchPointCode,
        String severity, String source, String outcome, Instant openedAt, Instant acknowledgedAt,
        Instant resolvedAt, Instant closedAt) {
}
