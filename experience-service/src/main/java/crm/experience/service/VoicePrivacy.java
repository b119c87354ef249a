package crm.experience.service;

import crm.events.customer.CustomerErased;
import crm.events.customer.CustomerMerged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What surveys and complaints do when customer-service merges or erases a customer, observed in
 * the consumer's transaction (see CustomerEventsHandler). Both are safe to repeat.
 */
@ApplicationScoped
public class VoicePrivacy {
    private final EntityManager em;

    public VoicePrivacy(EntityManager em) {
        this.em = em;
    }

    /** The duplicate's responses and complaints become the survivor's. */
    @Transactional(Transactional.TxType.MANDATORY)
    void merged(@Observes CustomerMerged merged) {
        for (String table : new String[] {"survey_response", "complaint"}) {
            em.createNativeQuery("UPDATE " + table + " SET customer_id = ?1 WHERE customer_id = ?2")
                    .setParameter(1, merged.survivorId()).setParameter(2, merged.duplicateId()).executeUpdate();
        }
    }

    /**
     * Comments, complaint descriptions and notes go, and the customer is unlinked; scores, answers
     * to scales and choices, statuses and outcomes stay, so results and figures stay right.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void erased(@Observes CustomerErased erased) {
        em.createNativeQuery("UPDATE survey_response SET comment = NULL, customer_id = NULL WHERE customer_id = ?1")
                .setParameter(1, erased.customerId()).executeUpdate();
        em.createNativeQuery("""
                UPDATE complaint_transition t SET note = NULL FROM complaint c
                WHERE c.id = t.complaint_id AND c.customer_id = ?1 AND t.note IS NOT NULL""")
                .setParameter(1, erased.customerId()).executeUpdate();
        em.createNativeQuery("UPDATE complaint SET description = NULL, customer_id = NULL WHERE customer_id = ?1")
                .setParameter(1, erased.customerId()).executeUpdate();
    }
}
