package crm.experience.service;

import java.time.Instant;
import java.util.UUID;

/** Fired inside the logging transaction for every stored entry, so other rules (automatic complaints) act in it. */
public record LogEntryRecorded(UUID entryId, UUID visitId, UUID customerId, String journeyCode, String touchPointCode,
        int score, Instant occurredAt, boolean autoComplaints) {
}
