package crm.customer.service;

import crm.customer.domain.ConsentChange;
import crm.customer.domain.Customer;
import crm.customer.domain.CustomerIdentifier;
import crm.customer.domain.CustomerPreference;
import crm.customer.domain.CustomerRelationship;
import crm.customer.domain.CustomerStatus;
import crm.customer.domain.CustomerVisit;
import crm.customer.domain.MergeAudit;
import crm.customer.domain.PreferenceSource;
import crm.events.customer.CustomerEvents;
import crm.events.customer.CustomerMerged;
import crm.events.outbox.Outbox;
import crm.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Two records of one person become one: the survivor takes the duplicate's identifiers,
 * preferences, relationships, consent history and visits; the duplicate becomes MERGED,
 * pointing to the survivor. Audited, and published so other services re-key their data.
 */
@ApplicationScoped
public class MergeService {
    private final CustomerLookup lookup;
    private final Outbox outbox;

    public MergeService(CustomerLookup lookup, Outbox outbox) {
        this.lookup = lookup;
        this.outbox = outbox;
    }

    @Transactional
    public MergeAudit merge(UUID survivorId, UUID duplicateId, String mergedBy) {
        if (survivorId.equals(duplicateId)) {
            throw ProblemException.invalid("duplicateId", "a customer cannot be merged with themselves");
        }
        // Lock in id order, so two merges of the same pair cannot deadlock.
        boolean survivorFirst = survivorId.compareTo(duplicateId) < 0;
        Customer first = lookup.activeForUpdate(survivorFirst ? survivorId : duplicateId,
                survivorFirst ? "survivorId" : "duplicateId");
        Customer second = lookup.activeForUpdate(survivorFirst ? duplicateId : survivorId,
                survivorFirst ? "duplicateId" : "survivorId");
        Customer survivor = survivorFirst ? first : second;
        Customer duplicate = survivorFirst ? second : first;
        Instant now = CustomerService.now();

        Map<String, Integer> moved = new LinkedHashMap<>();
        moved.put("identifiers", CustomerIdentifier.update("customer = ?1 where customer = ?2", survivor, duplicate));
        moved.put("preferences", movePreferences(duplicate.id, survivor.id));
        moved.put("relationships", moveRelationships(duplicate.id, survivor.id));
        moved.put("consents", (int) ConsentChange.update("customerId = ?1 where customerId = ?2", survivor.id, duplicate.id));
        moved.put("visits", (int) CustomerVisit.update("customerId = ?1 where customerId = ?2", survivor.id, duplicate.id));
        if (duplicate.lastSeenAt != null && (survivor.lastSeenAt == null || survivor.lastSeenAt.isBefore(duplicate.lastSeenAt))) {
            survivor.lastSeenAt = duplicate.lastSeenAt;
        }
        survivor.updatedAt = now;
        duplicate.status = CustomerStatus.MERGED;
        duplicate.mergedInto = survivor.id;
        duplicate.updatedAt = now;

        MergeAudit audit = new MergeAudit();
        audit.id = UUID.randomUUID();
        audit.survivorId = survivor.id;
        audit.duplicateId = duplicate.id;
        audit.mergedAt = now;
        audit.mergedBy = mergedBy;
        audit.moved = moved;
        audit.persist();
        outbox.publish(CustomerEvents.MERGED, duplicate.id, new CustomerMerged(survivor.id, duplicate.id, now));
        return audit;
    }

    /** The survivor keeps its own value for a key, unless the duplicate's was stated and its own observed. */
    private static int movePreferences(UUID from, UUID to) {
        int moved = 0;
        for (CustomerPreference preference : CustomerPreference.of(from)) {
            CustomerPreference kept = CustomerPreference.findById(new CustomerPreference.Key(to, preference.id.key()));
            boolean replaces = kept == null
                    || (kept.source == PreferenceSource.OBSERVED && preference.source == PreferenceSource.STATED);
            if (replaces) {
                if (kept != null) {
                    kept.delete();
                }
                CustomerPreference copy = new CustomerPreference();
                copy.id = new CustomerPreference.Key(to, preference.id.key());
                copy.category = preference.category;
                copy.value = preference.value;
                copy.source = preference.source;
                copy.confidence = preference.confidence;
                copy.confirmedAt = preference.confirmedAt;
                copy.persist();
                moved++;
            }
            preference.delete();
        }
        return moved;
    }

    /** Edges are re-pointed; one that would join the survivor to itself, or repeat an edge it has, is dropped. */
    private static int moveRelationships(UUID from, UUID to) {
        int moved = 0;
        for (CustomerRelationship edge : CustomerRelationship.<CustomerRelationship>list(
                "fromCustomer = ?1 or toCustomer = ?1", from)) {
            UUID newFrom = edge.fromCustomer.equals(from) ? to : edge.fromCustomer;
            UUID newTo = edge.toCustomer.equals(from) ? to : edge.toCustomer;
            boolean exists = CustomerRelationship.count("fromCustomer = ?1 and toCustomer = ?2 and type = ?3",
                    newFrom, newTo, edge.type) > 0;
            if (newFrom.equals(newTo) || exists) {
                edge.delete();
            } else {
                edge.fromCustomer = newFrom;
                edge.toCustomer = newTo;
                moved++;
            }
            CustomerRelationship.flush();
        }
        return moved;
    }
}
