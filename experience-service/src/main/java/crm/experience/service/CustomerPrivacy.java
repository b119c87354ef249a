package crm.experience.service;

import crm.db.AdvisoryLock;
import crm.events.EventErasure;
import crm.events.customer.CustomerErased;
import crm.events.customer.CustomerMerged;
import crm.rest.Problem;
import crm.rest.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Merges and erasures from customer-service, in either order. Each id an erasure reaches is passed on as a
 * CDI {@link CustomerErased} (logs, surveys and complaints each anonymise their own), recorded with the time it
 * was applied here, and its events are erased ({@link EventErasure}). A merge is passed on as a CDI
 * {@link CustomerMerged} to the end of the survivor's own merges; into a survivor erased here already it erases
 * the duplicate instead of re-keying it: the two events travel on different partitions.
 * Every write naming a customer asks {@link #currentForWrite} whom it is for.
 */
@ApplicationScoped
public class CustomerPrivacy {
    /** The lock a write for a customer and that customer's merges and erasure share. */
    private static final String LOCK_SCOPE = "customer";

    private final ErasureStore store;
    private final AgroalDataSource db;
    private final EventErasure events;
    private final Event<CustomerMerged> merged;
    private final Event<CustomerErased> erased;

    public CustomerPrivacy(ErasureStore store, AgroalDataSource db, EventErasure events, Event<CustomerMerged> merged,
            Event<CustomerErased> erased) {
        this.store = store;
        this.db = db;
        this.events = events;
        this.merged = merged;
        this.erased = erased;
    }

    /**
     * Holds the lock of the survivor, the duplicate and every id merged into it: a write naming one of those
     * either comes first and is re-keyed here, or comes after and finds the survivor; two merges of one chain
     * take turns, so each re-keys to the end of the chain as it stands.
     */
    @Transactional
    public void merged(CustomerMerged merge) {
        lockWithMerged(merge.duplicateId(), merge.survivorId());
        store.recordMerge(merge.duplicateId(), merge.survivorId(), merge.mergedAt());
        UUID survivor = store.survivor(merge.duplicateId());
        Optional<Instant> survivorErased = store.erasedAt(survivor);
        if (survivorErased.isPresent()) {
            erase(merge.duplicateId(), survivorErased.get());
        } else {
            merged.fire(new CustomerMerged(survivor, merge.duplicateId(), merge.mergedAt()));
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

    /** Whom a write naming some id is for: the survivor of that id's merges, and whether either was erased here. */
    public record Current(UUID customerId, boolean erased) {
    }

    /**
     * Whom a write naming this id is for: the end of its chain of merges (the id itself if it was never merged),
     * erased if the id or that survivor was erased here. Holds the named id's lock to the end of the caller's
     * transaction, the lock every merge and erasure reaching that id takes too: one arriving meanwhile waits for
     * the write and then re-keys or erases it as well.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Current currentForWrite(UUID customerId) {
        AdvisoryLock.of(LOCK_SCOPE, customerId).holdUntilCommit(db);
        UUID survivor = store.survivor(customerId);
        boolean erased = store.erasedAt(customerId).isPresent()
                || !survivor.equals(customerId) && store.erasedAt(survivor).isPresent();
        return new Current(survivor, erased);
    }

    /** 410 for a write that would store personal data of an erased customer, naming the field. */
    public static ProblemException gone(UUID customerId) {
        return new ProblemException(Response.Status.GONE, "Customer " + customerId + " was erased",
                List.of(new Problem.FieldError("customerId", "names a customer who was erased")));
    }

    /** The id and every id merged into it; ids erased before keep their first erasure time. */
    private void erase(UUID customerId, Instant requestedAt) {
        List<UUID> ids = lockWithMerged(customerId);
        store.lockVisits(ids);
        ids.forEach(id -> erased.fire(new CustomerErased(id, requestedAt)));
        store.recordErasures(ids, Instant.now().truncatedTo(ChronoUnit.MICROS));
        events.erase(ids);
    }

    /**
     * Locks the id, every id merged into it and {@code more}, in one order so two of these never wait on each
     * other; again for an id a merge committed meanwhile added. The id and every id merged into it.
     */
    private List<UUID> lockWithMerged(UUID customerId, UUID... more) {
        Set<UUID> locked = new HashSet<>();
        List<UUID> ids = store.withMerged(customerId);
        while (!locked.containsAll(ids)) {
            Stream.concat(ids.stream(), Stream.of(more)).sorted().filter(locked::add)
                    .forEach(id -> AdvisoryLock.of(LOCK_SCOPE, id).holdUntilCommit(db));
            ids = store.withMerged(customerId);
        }
        return ids;
    }
}
