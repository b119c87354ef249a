package crm.experience.service;

import crm.events.customer.CustomerErased;
import crm.events.customer.CustomerMerged;
import crm.events.transaction.TransactionRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;

/**
 * What the experience logs know about a customer: their first purchase and first visit (whether a visit is a
 * returning customer's), and their visits, re-keyed on a merge and unlinked on an erasure.
 */
@ApplicationScoped
public class CustomerHistory {
    private final EntityManager em;
    private final CustomerPrivacy privacy;

    public CustomerHistory(EntityManager em, CustomerPrivacy privacy) {
        this.em = em;
        this.privacy = privacy;
    }

    /**
     * Keeps the earliest sale; a refund is no purchase. Any arrival order gives the same result. A sale naming a
     * merged id is the survivor's. A sale of a customer erased here (a late event) stores nothing: their visits'
     * cohorts were frozen at the erasure.
     */
    @Transactional
    public void purchased(TransactionRecorded transaction) {
        boolean sale = transaction.lines().stream().anyMatch(l -> l.quantity().compareTo(BigDecimal.ZERO) > 0);
        if (!sale || transaction.customerId() == null) {
            return;
        }
        CustomerPrivacy.Current customer = privacy.currentForWrite(transaction.customerId());
        if (customer.erased()) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO customer_history AS h (customer_id, first_purchase_at) VALUES (?1, ?2)
                ON CONFLICT (customer_id) DO UPDATE SET first_purchase_at = least(h.first_purchase_at, EXCLUDED.first_purchase_at)""")
                .setParameter(1, customer.customerId()).setParameter(2, transaction.occurredAt()).executeUpdate();
    }

    /** The duplicate's visits and history become the survivor's. */
    void merged(@Observes CustomerMerged merged) {
        em.createNativeQuery("UPDATE visit SET customer_id = ?1 WHERE customer_id = ?2")
                .setParameter(1, merged.survivorId()).setParameter(2, merged.duplicateId()).executeUpdate();
        em.createNativeQuery("""
                INSERT INTO customer_history AS h (customer_id, first_purchase_at, first_visit_at)
                SELECT ?1, first_purchase_at, first_visit_at FROM customer_history WHERE customer_id = ?2
                ON CONFLICT (customer_id) DO UPDATE SET
                    first_purchase_at = least(h.first_purchase_at, EXCLUDED.first_purchase_at),
                    first_visit_at = least(h.first_visit_at, EXCLUDED.first_visit_at)""")
                .setParameter(1, merged.survivorId()).setParameter(2, merged.duplicateId()).executeUpdate();
        em.createNativeQuery("DELETE FROM customer_history WHERE customer_id = ?1")
                .setParameter(1, merged.duplicateId()).executeUpdate();
    }

    /**
     * Notes go and the visits lose their customer; scores stay, and each visit keeps the cohort it had, so
     * journey curves and moments of truth stay right.
     */
    void erased(@Observes CustomerErased erased) {
        em.createNativeQuery("""
                UPDATE log_entry e SET note = NULL FROM visit v
                WHERE v.visit_id = e.visit_id AND v.customer_id = ?1 AND e.note IS NOT NULL""")
                .setParameter(1, erased.customerId()).executeUpdate();
        em.createNativeQuery("UPDATE visit v SET cohort = " + Cohorts.SQL + ", customer_id = NULL"
                        + " FROM visit x LEFT JOIN customer_history h ON h.customer_id = x.customer_id"
                        + " WHERE x.visit_id = v.visit_id AND v.customer_id = ?1")
                .setParameter(1, erased.customerId()).executeUpdate();
        em.createNativeQuery("DELETE FROM customer_history WHERE customer_id = ?1")
                .setParameter(1, erased.customerId()).executeUpdate();
    }
}
