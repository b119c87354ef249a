package crm.experience.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** This service's record of the erasures it applied and of the merges it was told of, in the caller's transaction. */
@ApplicationScoped
public class ErasureStore {
    private static final String ERASED_AT = "SELECT erased_at FROM customer_erasure WHERE customer_id = ?1";
    private static final String RECORD_ERASURES = """
            INSERT INTO customer_erasure (customer_id, erased_at) SELECT id, ?2 FROM unnest(CAST(?1 AS uuid[])) AS id
            ON CONFLICT (customer_id) DO NOTHING""";
    private static final String RECORD_MERGE = """
            INSERT INTO customer_merge (duplicate_id, survivor_id, merged_at) VALUES (?1, ?2, ?3)
            ON CONFLICT (duplicate_id) DO NOTHING""";
    /** The id and every id merged into it, directly or through other merges (UNION stops at a cycle). */
    private static final String WITH_MERGED = """
            WITH RECURSIVE ids (customer_id) AS (
                SELECT CAST(?1 AS uuid)
                UNION
                SELECT m.duplicate_id FROM customer_merge m JOIN ids ON m.survivor_id = ids.customer_id
            )
            SELECT customer_id FROM ids ORDER BY customer_id""";
    /**
     * Where a write naming the id belongs: the end of its chain of merges (the id itself if it was never merged).
     * Each id has one survivor at most, so the chain is a line; CYCLE stops one customer-service never sends.
     */
    private static final String SURVIVOR = """
            WITH RECURSIVE chain (customer_id, depth) AS (
                SELECT CAST(?1 AS uuid), 0
                UNION ALL
                SELECT m.survivor_id, chain.depth + 1 FROM customer_merge m JOIN chain ON m.duplicate_id = chain.customer_id
            ) CYCLE customer_id SET looped USING path
            SELECT customer_id FROM chain WHERE NOT looped ORDER BY depth DESC LIMIT 1""";
    /** An entry appended to one of these visits by a statement of its own waits for the erasure (see LogStore). */
    private static final String LOCK_VISITS = """
            SELECT visit_id FROM visit WHERE customer_id = ANY (CAST(?1 AS uuid[])) ORDER BY visit_id FOR UPDATE""";

    private final EntityManager em;

    public ErasureStore(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Instant> erasedAt(UUID customerId) {
        List<?> rows = em.createNativeQuery(ERASED_AT, Instant.class).setParameter(1, customerId).getResultList();
        return rows.stream().map(Instant.class::cast).findFirst();
    }

    /** Keeps the first time each id was erased: a repeated erasure changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordErasures(Collection<UUID> customerIds, Instant at) {
        em.createNativeQuery(RECORD_ERASURES).setParameter(1, array(customerIds)).setParameter(2, at).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordMerge(UUID duplicateId, UUID survivorId, Instant at) {
        em.createNativeQuery(RECORD_MERGE).setParameter(1, duplicateId).setParameter(2, survivorId).setParameter(3, at)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> withMerged(UUID customerId) {
        return em.createNativeQuery(WITH_MERGED, UUID.class).setParameter(1, customerId).getResultList().stream()
                .map(UUID.class::cast).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID survivor(UUID customerId) {
        return (UUID) em.createNativeQuery(SURVIVOR, UUID.class).setParameter(1, customerId).getSingleResult();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lockVisits(Collection<UUID> customerIds) {
        em.createNativeQuery(LOCK_VISITS, String.class).setParameter(1, array(customerIds)).getResultList();
    }

    private static String array(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
