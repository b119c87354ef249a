package crm.experience.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Serialises requests that carry the same idempotency key until the end of the transaction, so a
 * concurrent retry finds the first request's row instead of failing on the unique key.
 */
@ApplicationScoped
public class KeyLocks {
    private final EntityManager em;

    public KeyLocks(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String scope, String key) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, scope + ":" + key)
                .getSingleResult();
    }
}
