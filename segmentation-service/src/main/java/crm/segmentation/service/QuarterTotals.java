package crm.segmentation.service;

import crm.segmentation.domain.Period;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * A quarter's totals are its months', summed when it closes: a sale adds to its month's totals only,
 * one write instead of two. A recompute sums them again, late sales included.
 */
@ApplicationScoped
public class QuarterTotals {
    /** Each customer's sums over the quarter's months. */
    private static final String SUMS = """
            SELECT customer_id, sum(revenue) AS revenue, sum(cost) AS cost, sum(purchases) AS purchases,
                max(last_purchase_at) AS last_purchase_at
            FROM customer_period WHERE period IN (:months)
            GROUP BY customer_id""";

    /** In customer order, each row's key goes at the end of the partition's index. */
    private static final String INSERT_SUMS = """
            INSERT INTO customer_period (period, customer_id, revenue, cost, purchases, last_purchase_at)
            SELECT :period, customer_id, revenue, cost, purchases, last_purchase_at FROM (%s) s
            ORDER BY customer_id""";

    /**
     * Summed before: only the sums that differ are written (a recompute follows a few late sales), row by
     * row, so readers of the partition never wait for it as they would for emptying it.
     */
    private static final String MERGE_SUMS = """
            WITH s AS MATERIALIZED (%s),
            d AS MATERIALIZED (
                SELECT s.*, q.customer_id AS old_customer_id
                FROM s FULL JOIN (SELECT * FROM customer_period WHERE period = :period) q ON q.customer_id = s.customer_id
                WHERE q.customer_id IS NULL OR s.customer_id IS NULL
                   OR (q.revenue, q.cost, q.purchases, q.last_purchase_at)
                      IS DISTINCT FROM (s.revenue, s.cost, s.purchases, s.last_purchase_at)
            ),
            changed AS (
                UPDATE customer_period q SET revenue = d.revenue, cost = d.cost, purchases = d.purchases,
                    last_purchase_at = d.last_purchase_at
                FROM d WHERE q.period = :period AND q.customer_id = d.customer_id AND d.old_customer_id IS NOT NULL
            ),
            gone AS (
                DELETE FROM customer_period q USING d
                WHERE q.period = :period AND q.customer_id = d.old_customer_id AND d.customer_id IS NULL
            )
            INSERT INTO customer_period (period, customer_id, revenue, cost, purchases, last_purchase_at)
            SELECT :period, customer_id, revenue, cost, purchases, last_purchase_at FROM d WHERE old_customer_id IS NULL""";

    private final EntityManager em;

    public QuarterTotals(EntityManager em) {
        this.em = em;
    }

    /** Makes the quarter's totals the sums of its months', in a transaction of its own. */
    public void sum(Period quarter) {
        QuarkusTransaction.requiringNew().run(() -> {
            // The months are read in full and sorted once, in memory, by customer (this transaction only): a
            // hash of a million numeric sums spills to disk, and reading them in key order jumps around the heap.
            execute("SET LOCAL work_mem = '256MB'");
            execute("SET LOCAL enable_hashagg = off");
            execute("SET LOCAL enable_indexscan = off");
            String partition = (String) em.createNativeQuery("SELECT CAST(customer_period_partition(?1) AS text)")
                    .setParameter(1, quarter.name()).getSingleResult();
            boolean first = em.createNativeQuery("SELECT 1 FROM " + partition + " LIMIT 1").getResultList().isEmpty();
            em.createNativeQuery((first ? INSERT_SUMS : MERGE_SUMS).formatted(SUMS))
                    .setParameter("period", quarter.name())
                    .setParameter("months", quarter.months().stream().map(Period::name).toList())
                    .executeUpdate();
        });
    }

    private void execute(String sql) {
        em.createNativeQuery(sql).executeUpdate();
    }
}
