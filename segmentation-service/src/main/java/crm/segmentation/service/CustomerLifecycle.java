package crm.segmentation.service;

import crm.events.EventErasure;
import crm.events.customer.CustomerErased;
import crm.events.customer.CustomerMerged;
import crm.events.experience.SurveyAnswered;
import crm.segmentation.domain.CustomerSegment;
import crm.segmentation.domain.LedgerTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the ledger right when customer-service merges or erases a customer, in either order: the two events
 * travel on different partitions, so an erasure of the survivor may come before the merge.
 */
@ApplicationScoped
public class CustomerLifecycle {
    private final EntityManager em;
    private final PrivacyStore privacy;
    private final EventErasure events;

    public CustomerLifecycle(EntityManager em, PrivacyStore privacy, EventErasure events) {
        this.em = em;
        this.privacy = privacy;
        this.events = events;
    }

    /**
     * The duplicate's transactions and period totals become the survivor's. Levels of closed
     * periods stay as they were: history is not rewritten; a re-close recomputes it. Into a survivor
     * erased here, they come as the survivor's did at its erasure: without free text, and the duplicate is
     * erased too. A duplicate erased here keeps what is left of its data under its own id: nothing of it
     * joins a customer who is still known.
     */
    @Transactional
    public void merged(CustomerMerged merged) {
        privacy.lockLedger();
        privacy.recordMerge(merged.duplicateId(), merged.survivorId(), merged.mergedAt());
        if (privacy.erasedAt(merged.duplicateId()).isPresent()) {
            return;
        }
        boolean survivorErased = privacy.erasedAt(merged.survivorId()).isPresent();
        if (survivorErased) {
            privacy.removeFreeText(List.of(merged.duplicateId()));
        }
        rekey(merged);
        if (survivorErased) {
            privacy.recordErasures(List.of(merged.duplicateId()), now());
            events.erase(List.of(merged.duplicateId()));
        }
    }

    private void rekey(CustomerMerged merged) {
        LedgerTransaction.update("customerId = ?1 where customerId = ?2", merged.survivorId(), merged.duplicateId());
        em.createNativeQuery("""
                INSERT INTO customer_period AS p (period, customer_id, revenue, cost, purchases, last_purchase_at)
                SELECT period, ?1, revenue, cost, purchases, last_purchase_at FROM customer_period WHERE customer_id = ?2
                ON CONFLICT (period, customer_id) DO UPDATE SET
                    revenue = p.revenue + EXCLUDED.revenue,
                    cost = p.cost + EXCLUDED.cost,
                    purchases = p.purchases + EXCLUDED.purchases,
                    last_purchase_at = greatest(p.last_purchase_at, EXCLUDED.last_purchase_at)""")
                .setParameter(1, merged.survivorId()).setParameter(2, merged.duplicateId()).executeUpdate();
        em.createNativeQuery("DELETE FROM customer_period WHERE customer_id = ?1")
                .setParameter(1, merged.duplicateId()).executeUpdate();
        CustomerSegment duplicate = CustomerSegment.findById(merged.duplicateId());
        if (duplicate == null) {
            return;
        }
        CustomerSegment survivor = CustomerSegment.findById(merged.survivorId());
        if (survivor == null) {
            // customer-service's registration of the survivor is still on its way: it confirms them
            survivor = new CustomerSegment();
            survivor.customerId = merged.survivorId();
            survivor.registeredAt = duplicate.registeredAt;
            survivor.unconfirmedSince = now();
            survivor.persist();
        }
        survivor.firstPurchaseAt = earliest(survivor.firstPurchaseAt, duplicate.firstPurchaseAt);
        keepWhatSurvivorLacks(survivor, duplicate);
        duplicate.delete();
    }

    /** The duplicate's wallet and assessment where the survivor has none, and the later survey answer. */
    private static void keepWhatSurvivorLacks(CustomerSegment survivor, CustomerSegment duplicate) {
        if (survivor.wallet == null && duplicate.wallet != null) {
            survivor.wallet = duplicate.wallet;
            survivor.walletCurrency = duplicate.walletCurrency;
            survivor.walletUpdatedAt = duplicate.walletUpdatedAt;
            survivor.walletUpdatedBy = duplicate.walletUpdatedBy;
        }
        if (survivor.assessedAt == null && duplicate.assessedAt != null) {
            survivor.capabilityFit = duplicate.capabilityFit;
            survivor.needs = duplicate.needs;
            survivor.assessedBy = duplicate.assessedBy;
            survivor.assessedAt = duplicate.assessedAt;
        }
        if (duplicate.surveyedAt != null && (survivor.surveyedAt == null || survivor.surveyedAt.isBefore(duplicate.surveyedAt))) {
            survivor.satisfaction = duplicate.satisfaction;
            survivor.nps = duplicate.nps;
            survivor.surveyedAt = duplicate.surveyedAt;
        }
    }

    /**
     * Of the customer and every id merged into it: free text and visit attributes go, and the events kept
     * about them; amounts, levels and the customer's place in the pyramid stay, so counts and sums stay right.
     * Recorded with the time it was applied here; a repeated erasure keeps the first.
     */
    @Transactional
    public void erased(CustomerErased erased) {
        privacy.lockLedger();
        List<UUID> ids = privacy.withMerged(erased.customerId());
        privacy.removeFreeText(ids);
        privacy.recordErasures(ids, now());
        events.erase(ids);
    }

    /** The latest answer wins; an older one arriving late changes nothing, nor one about an erased customer. */
    @Transactional
    public void surveyed(SurveyAnswered answer) {
        if (answer.customerId() == null || privacy.erasedAt(answer.customerId()).isPresent()) {
            return;
        }
        CustomerSegment.update("""
                satisfaction = ?2, nps = ?3, surveyedAt = ?4
                where customerId = ?1 and (surveyedAt is null or surveyedAt < ?4)""",
                answer.customerId(), answer.satisfaction(), answer.nps(), answer.answeredAt());
    }

    /** When this service applied the customer's erasure; empty while it has not (or never heard of them). */
    @Transactional
    public Optional<Instant> erasedAt(UUID customerId) {
        return privacy.erasedAt(customerId);
    }

    /** What the export starts with: the erasure, if applied here, and the customer, if known here. */
    public record Known(Instant erasedAt, CustomerSegment customer) {
    }

    @Transactional
    public Known known(UUID customerId) {
        return new Known(privacy.erasedAt(customerId).orElse(null), CustomerSegment.findById(customerId));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
