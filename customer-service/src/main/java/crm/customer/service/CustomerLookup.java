package crm.customer.service;

import crm.customer.domain.Customer;
import crm.customer.domain.CustomerStatus;
import crm.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;

/** Finds customers by id with one answer for each status: 404 unknown, 410 erased, 409 merged (on writes). */
@ApplicationScoped
public class CustomerLookup {
    /** A merge chain longer than this is a loop, not a history. */
    private static final int MAX_MERGE_HOPS = 8;

    /** Any customer that is not erased, identifiers loaded. */
    public Customer existing(UUID id) {
        Customer customer = Customer.<Customer>find("from Customer c left join fetch c.identifiers where c.id = ?1", id)
                .singleResultOptional()
                .orElseThrow(() -> ProblemException.notFound("No customer with id " + id));
        if (customer.status == CustomerStatus.ERASED) {
            throw new ProblemException(Response.Status.GONE, "Customer " + id + " was erased");
        }
        return customer;
    }

    /** The customer an id names now: itself, or the survivor it was merged into (404 unknown, 410 erased). */
    public Customer current(UUID id) {
        Customer customer = existing(id);
        for (int hops = 0; customer.status == CustomerStatus.MERGED; hops++) {
            if (hops == MAX_MERGE_HOPS) {
                throw new IllegalStateException("Customer " + id + " merges in a loop");
            }
            customer = existing(customer.mergedInto);
        }
        return customer;
    }

    /**
     * The active customer an id names now, for what other services report about it: itself, or the
     * survivor it was merged into; empty when erased (nothing personal may come back) or unknown.
     */
    public Optional<Customer> activeFollowingMerges(UUID id) {
        Customer customer = Customer.findById(id);
        for (int hops = 0; customer != null && customer.status == CustomerStatus.MERGED && hops < MAX_MERGE_HOPS; hops++) {
            customer = Customer.findById(customer.mergedInto);
        }
        return Optional.ofNullable(customer).filter(c -> c.status == CustomerStatus.ACTIVE);
    }

    /** An active customer, locked for the rest of the transaction so concurrent writes queue up. */
    public Customer activeForUpdate(UUID id, String field) {
        Customer customer = existing(id);
        if (customer.status == CustomerStatus.MERGED) {
            throw ProblemException.conflict(field, "customer " + id + " was merged into " + customer.mergedInto);
        }
        Customer.getEntityManager().lock(customer, LockModeType.PESSIMISTIC_WRITE);
        return customer;
    }
}
