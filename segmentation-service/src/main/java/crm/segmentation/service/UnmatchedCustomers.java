package crm.segmentation.service;

import crm.rest.Page;
import crm.segmentation.config.SegmentationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Customer ids the ledger took sales for that customer-service never confirmed (no CustomerRegistered, no merge
 * naming them) within the configured time: wrong ids from a till, for an operator to follow up.
 */
@ApplicationScoped
public class UnmatchedCustomers {
    static final String LIST = """
            SELECT s.customer_id AS customer_id, s.unconfirmed_since AS first_seen,
                count(t.id) FILTER (WHERE NOT t.refund) AS sales, count(t.id) FILTER (WHERE t.refund) AS refunds,
                coalesce(sum(t.revenue), 0) AS revenue
            FROM (SELECT customer_id, unconfirmed_since FROM customer_segment
                  WHERE unconfirmed_since < ?1
                  ORDER BY unconfirmed_since DESC, customer_id LIMIT ?2 OFFSET ?3) s
            LEFT JOIN ledger_transaction t ON t.customer_id = s.customer_id
            GROUP BY s.customer_id, s.unconfirmed_since
            ORDER BY s.unconfirmed_since DESC, s.customer_id""";

    static final String COUNT = "SELECT count(*) FROM customer_segment WHERE unconfirmed_since < ?1";

    /** One unmatched id: since when it is known here, its sales and refunds, and their revenue (refunds netted). */
    public record Unmatched(UUID customerId, Instant firstSeen, long sales, long refunds, BigDecimal revenue) {
    }

    private final EntityManager em;
    private final SegmentationConfig config;

    public UnmatchedCustomers(EntityManager em, SegmentationConfig config) {
        this.em = em;
        this.config = config;
    }

    /** Latest first: a till sending wrong ids now shows at the top. */
    @Transactional
    public Page<Unmatched> list(int page, int size) {
        Page.check(page, size, config.maxPageSize());
        Instant before = Instant.now().minus(config.unconfirmedAfter());
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(LIST, Tuple.class).setParameter(1, before).setParameter(2, size)
                .setParameter(3, Page.offset(page, size)).getResultList();
        long total = ((Number) em.createNativeQuery(COUNT).setParameter(1, before).getSingleResult()).longValue();
        return new Page<>(rows.stream().map(r -> new Unmatched(r.get("customer_id", UUID.class),
                r.get("first_seen", Instant.class), r.get("sales", Long.class), r.get("refunds", Long.class),
                r.get("revenue", BigDecimal.class))).toList(), page, size, total);
    }
}
