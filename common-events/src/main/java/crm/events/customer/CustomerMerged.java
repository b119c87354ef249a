package crm.events.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * Two records of one person became one: every service re-keys what it holds for the duplicate
 * to the survivor. Published with the duplicate's id as subject and key, so it follows the
 * duplicate's earlier events.
 */
public record CustomerMerged(UUID survivorId, UUID duplicateId, Instant mergedAt) {
}
