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
    private final EntityManager em;

    public QuarterTotals(EntityManager em) {
        this.em = em;
    }

    /** Replaces the quarter's totals with the sums of its months', in a transaction of its own. */
    public void sum(Period quarter) {
        QuarkusTransaction.requiringNew().run(() -> {
            // The months are read in full and sorted once, in memory, by customer (this transaction only): a
            // hash of a million numeric sums spills to disk, and reading them in key order jumps around the heap.
            execute("SET LOCAL work_mem = '256MB'");
            execute("SET LOCAL enable_hashagg = off");
            execute("SET LOCAL enable_indexscan = off");
            String partition = (String) em.createNativeQuery("SELECT CAST(customer_period_partition(?1) AS text)")
                    .setParameter(1, quarter.name()).getSingleResult();
            // Sums already there (a recompute's, or those sales wrote before V7) go first. Emptying the partition
            // keeps its readers waiting until this transaction ends, so a first close does not when it is empty.
            if (!em.createNativeQuery("SELECT 1 FROM " + partition + " LIMIT 1").getResultList().isEmpty()) {
                execute("TRUNCATE " + partition);
            }
            // In customer order, each row's key goes at the end of the partition's index.
            em.createNativeQuery("""
                    INSERT INTO customer_period (period, customer_id, revenue, cost, purchases, last_purchase_at)
                    SELECT :period, customer_id, sum(revenue), sum(cost), sum(purchases), max(last_purchase_at)
                    FROM customer_period WHERE period IN (:months)
                    GROUP BY customer_id
                    ORDER BY customer_id""")
                    .setParameter("period", quarter.name())
                    .setParameter("months", quarter.months().stream().map(Period::name).toList())
                    .executeUpdate();
        });
    }

    private void execute(String sql) {
        em.createNativeQuery(sql).executeUpdate();
    }
}
