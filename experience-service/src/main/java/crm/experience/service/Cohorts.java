package crm.experience.service;

/**
 * Whether a visit is a new or a returning customer's (DOMAIN.md §3): RETURNING when the customer bought before
 * the visit started or had an earlier visit logged here, else NEW; null for an anonymous visit, which belongs
 * to neither. Decided when asked, so a late TransactionRecorded still counts; frozen on the visit at erasure.
 */
final class Cohorts {

    /** The cohort of visit {@code v}, with {@code h} its customer's row of customer_history (left-joined). */
    static final String SQL = """
            coalesce(v.cohort, CASE WHEN v.customer_id IS NULL THEN NULL
                WHEN h.first_purchase_at < v.started_at OR h.first_visit_at < v.started_at THEN 'RETURNING'
                ELSE 'NEW' END)""";

    private Cohorts() {
    }
}
