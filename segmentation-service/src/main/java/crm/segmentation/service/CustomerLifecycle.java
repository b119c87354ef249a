package crm.segmentation.service;

import crm.events.customer.CustomerErased;
import crm.events.customer.CustomerMerged;
import crm.events.experience.SurveyAnswered;
import crm.segmentation.domain.CustomerSegment;
import crm.segmentation.domain.LedgerTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Keeps the ledger right when customer-service merges or erases a customer. */
@ApplicationScoped
public class CustomerLifecycle {
    private final EntityManager em;

    public CustomerLifecycle(EntityManager em) {
        this.em = em;
    }

    /**
     * The duplicate's transactions and period totals become the survivor's. Levels of closed
     * periods stay as they were: history is not rewritten; a re-close recomputes it.
     */
    @Transactional
    public void merged(CustomerMerged merged) {
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
        CustomerSegment survivor = CustomerSegment.findById(merged.survivorId());
        if (duplicate != null && survivor != null) {
            survivor.firstPurchaseAt = earliest(survivor.firstPurchaseAt, duplicate.firstPurchaseAt);
            duplicate.delete();
        }
    }

    /** Free text and visit attributes go; amounts stay, so pyramid counts and sums stay right. */
    @Transactional
    public void erased(CustomerErased erased) {
        em.createNativeQuery("""
                UPDATE ledger_transaction SET attributes = '{}'::jsonb,
                    lines = (SELECT coalesce(jsonb_agg(line - 'description'), '[]'::jsonb) FROM jsonb_array_elements(lines) line)
                WHERE customer_id = ?1""")
                .setParameter(1, erased.customerId()).executeUpdate();
    }

    /** The latest answer wins; an older one arriving late changes nothing. */
    @Transactional
    public void surveyed(SurveyAnswered answer) {
        if (answer.customerId() == null) {
            return;
        }
        CustomerSegment.update("""
                satisfaction = ?2, nps = ?3, surveyedAt = ?4
                where customerId = ?1 and (surveyedAt is null or surveyedAt < ?4)""",
                answer.customerId(), answer.satisfaction(), answer.nps(), answer.answeredAt());
    }

    private static java.time.Instant earliest(java.time.Instant a, java.time.Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
