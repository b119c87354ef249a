package crm.experience.service;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired for every stored entry, inside the logging transaction, so other rules (automatic complaints)
 * act in it; an entry that was a statement of its own (one above −3) is announced once that committed.
 */
public record LogEntryRecorded(UUID entryId, String visitId, UUID customerId, String journeyCode, String touchPointCode,
        int score, Instant occurredAt, boolean autoComplaints) {
}
