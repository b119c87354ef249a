package crm.segmentation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Erasures and merges as applied here (V12__erasures_and_merges.sql), and the ledger's free text they remove. */
@ApplicationScoped
public class PrivacyStore {
    /**
     * Taken first by every merge and erasure, to the end of its transaction. It conflicts with itself and with
     * the ledger's writes, so a sale waiting for it reads the erasure once it may go on, and a merge and an
     * erasure see each other's effect whatever order they arrive in.
     */
    static final String LOCK_LEDGER = "LOCK TABLE ledger_transaction IN SHARE ROW EXCLUSIVE MODE";

    static final String LOCK_LEDGER_FOR_WRITE = "LOCK TABLE ledger_transaction IN ROW EXCLUSIVE MODE";

    static final String RECORD_MERGE = """
            INSERT INTO customer_merge (duplicate_id, survivor_id, merged_at) VALUES (?1, ?2, ?3)
            ON CONFLICT (duplicate_id) DO NOTHING""";

    /** The id and every id merged into it, directly or through other merges. */
    static final String WITH_MERGED = """
            WITH RECURSIVE ids(id) AS (
                SELECT CAST(?1 AS uuid)
                UNION
                SELECT m.duplicate_id FROM customer_merge m JOIN ids ON m.survivor_id = ids.id
            )
            SELECT id FROM ids""";

    /**
     * Of these ids, those merged into another, each with the customer it ends in (a chain followed to its end).
     * An id erased here before its merge stays erased: nothing sent for it goes to the survivor.
     */
    static final String SURVIVORS = """
            WITH RECURSIVE chain(duplicate_id, survivor_id, depth) AS (
                SELECT duplicate_id, survivor_id, 1 FROM customer_merge m
                WHERE duplicate_id = ANY (CAST(?1 AS uuid[]))
                    AND NOT EXISTS (SELECT FROM customer_erasure e WHERE e.customer_id = m.duplicate_id)
                UNION ALL
                SELECT c.duplicate_id, m.survivor_id, c.depth + 1
                FROM chain c JOIN customer_merge m ON m.duplicate_id = c.survivor_id
                WHERE c.depth < 64
            )
            SELECT DISTINCT ON (duplicate_id) duplicate_id, survivor_id FROM chain ORDER BY duplicate_id, depth DESC""";

    /** A repeated erasure keeps the first time it was applied. */
    static final String RECORD_ERASURES = """
            INSERT INTO customer_erasure (customer_id, erased_at)
            SELECT id, ?2 FROM unnest(CAST(?1 AS uuid[])) AS ids(id)
            ON CONFLICT (customer_id) DO NOTHING""";

    static final String ERASED_AT = "SELECT erased_at FROM customer_erasure WHERE customer_id = ?1";

    static final String ERASED_AMONG = "SELECT customer_id FROM customer_erasure WHERE customer_id = ANY (CAST(?1 AS uuid[]))";

    /** Line descriptions and visit attributes go; skus, categories, quantities and amounts stay, in line order. */
    static final String REMOVE_FREE_TEXT = """
            UPDATE ledger_transaction SET attributes = '{}'::jsonb,
                lines = (SELECT coalesce(jsonb_agg(l.line - 'description' ORDER BY l.n), '[]'::jsonb)
                         FROM jsonb_array_elements(lines) WITH ORDINALITY AS l(line, n))
            WHERE customer_id = ANY (CAST(?1 AS uuid[]))""";

    private final EntityManager em;

    public PrivacyStore(EntityManager em) {
        this.em = em;
    }

    void lockLedger() {
        em.createNativeQuery(LOCK_LEDGER).executeUpdate();
    }

    /**
     * Taken by a write outside the ledger (a wallet, an assessment) to the end of its transaction: it conflicts
     * with {@link #LOCK_LEDGER} only, so such writes pass each other and the ledger's, and a merge or an erasure
     * waits for them (or they for it).
     */
    void lockLedgerForWrite() {
        em.createNativeQuery(LOCK_LEDGER_FOR_WRITE).executeUpdate();
    }

    void recordMerge(UUID duplicateId, UUID survivorId, Instant mergedAt) {
        em.createNativeQuery(RECORD_MERGE).setParameter(1, duplicateId).setParameter(2, survivorId)
                .setParameter(3, Timestamp.from(mergedAt)).executeUpdate();
    }

    List<UUID> withMerged(UUID customerId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery(WITH_MERGED, UUID.class).setParameter(1, customerId).getResultList();
        return ids;
    }

    void recordErasures(Collection<UUID> ids, Instant at) {
        em.createNativeQuery(RECORD_ERASURES).setParameter(1, array(ids)).setParameter(2, Timestamp.from(at))
                .executeUpdate();
    }

    void removeFreeText(Collection<UUID> ids) {
        em.createNativeQuery(REMOVE_FREE_TEXT).setParameter(1, array(ids)).executeUpdate();
    }

    public Optional<Instant> erasedAt(UUID customerId) {
        @SuppressWarnings("unchecked")
        List<Instant> found = em.createNativeQuery(ERASED_AT, Instant.class).setParameter(1, customerId).getResultList();
        return found.stream().findFirst();
    }

    /** Which of these ids were erased here. */
    public Set<UUID> erasedAmong(Collection<UUID> ids) {
        @SuppressWarnings("unchecked")
        List<UUID> found = em.createNativeQuery(ERASED_AMONG, UUID.class).setParameter(1, array(ids)).getResultList();
        return Set.copyOf(found);
    }

    /** Of these ids, those merged away here and not erased, each with the customer it was merged into in the end. */
    public Map<UUID, UUID> survivorsOf(Collection<UUID> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SURVIVORS).setParameter(1, array(ids)).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> (UUID) r[1]));
    }

    private static String array(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
