package crm.experience.service;

import crm.events.EventErasure;
import crm.events.customer.CustomerErased;
import crm.events.customer.CustomerMerged;
import crm.rest.Problem;
import crm.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Merges and erasures from customer-service, in either order. Each id an erasure reaches is passed on as a
 * CDI {@link CustomerErased} (logs, surveys and complaints each anonymise their own), recorded with the time it
 * was applied here, and its events are erased ({@link EventErasure}). A merge into a survivor erased here
 * already erases the duplicate instead of re-keying it: the two events travel on different partitions.
 * Writes naming an erased id ask {@link #erasedForWrite} first.
 */
@ApplicationScoped
public class CustomerPrivacy {
    /** The lock a write for a customer and that customer's erasure share (see {@link KeyLocks}). */
    private static final String LOCK_SCOPE = "customer";

    private final ErasureStore store;
    private final KeyLocks locks;
    private final EventErasure events;
    private final Event<CustomerMerged> merged;
    private final Event<CustomerErased> erased;

    public CustomerPrivacy(ErasureStore store, KeyLocks locks, EventErasure events, Event<CustomerMerged> merged,
            Event<CustomerErased> erased) {
        this.store = store;
        this.locks = locks;
        this.events = events;
        this.merged = merged;
        this.erased = erased;
    }

    @Transactional
    public void merged(CustomerMerged merge) {
        store.recordMerge(merge.duplicateId(), merge.survivorId(), merge.mergedAt());
        Optional<Instant> survivorErased = store.erasedAt(merge.survivorId());
        if (survivorErased.isPresent()) {
            erase(merge.duplicateId(), survivorErased.get());
        } else {
            merged.fire(merge);
        }
    }

    @Transactional
    public void erased(CustomerErased erasure) {
        erase(erasure.customerId(), erasure.erasedAt());
    }

    /** When this service applied the customer's erasure; empty while it has not (or never heard of them). */
    @Transactional
    public Optional<Instant> erasedAt(UUID customerId) {
        return store.erasedAt(customerId);
    }

    /**
     * Whether the customer was erased here. Holds the customer's lock to the end of the caller's transaction,
     * so an erasure arriving meanwhile waits for the write and then erases it too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean erasedForWrite(UUID customerId) {
        locks.lock(LOCK_SCOPE, customerId.toString());
        return store.erasedAt(customerId).isPresent();
    }

    /** 410 for a write that would store personal data of an erased customer, naming the field. */
    public static ProblemException gone(UUID customerId) {
        return new ProblemException(Response.Status.GONE, "Customer " + customerId + " was erased",
                List.of(new Problem.FieldError("customerId", "names a customer who was erased")));
    }

    /** The id and every id merged into it; ids erased before keep their first erasure time. */
    private void erase(UUID customerId, Instant requestedAt) {
        List<UUID> ids = store.withMerged(customerId);
        ids.forEach(id -> locks.lock(LOCK_SCOPE, id.toString()));
        store.lockVisits(ids);
        ids.forEach(id -> erased.fire(new CustomerErased(id, requestedAt)));
        store.recordErasures(ids, Instant.now().truncatedTo(ChronoUnit.MICROS));
        events.erase(ids);
    }
}
