package crm.customer.service;

import crm.customer.domain.ConsentChange;
import crm.customer.domain.Customer;
import crm.customer.domain.CustomerPreference;
import crm.customer.domain.CustomerRelationship;
import crm.customer.domain.CustomerStatus;
import crm.customer.domain.CustomerVisit;
import crm.customer.domain.InfluenceClass;
import crm.customer.domain.MergeAudit;
import crm.events.EventErasure;
import crm.events.customer.CustomerErased;
import crm.events.customer.CustomerEvents;
import crm.events.outbox.Outbox;
import crm.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The customer's rights: to see everything held about them, and to have it erased. */
@ApplicationScoped
public class PrivacyService {
    public static final String ERASED_NAME = "Erased customer";

    private final CustomerLookup lookup;
    private final Outbox outbox;
    private final EventErasure events;

    public PrivacyService(CustomerLookup lookup, Outbox outbox, EventErasure events) {
        this.lookup = lookup;
        this.outbox = outbox;
        this.events = events;
    }

    /** The customer's visits for an export, oldest first: as many as purchases, so they are streamed. */
    public static final String VISITS = """
            SELECT transaction_id, occurred_at, attributes::text, items FROM customer_visit
            WHERE customer_id = ? ORDER BY occurred_at, transaction_id""";

    /** Everything held about the customer but the visits ({@link #VISITS}); 404 unknown, 410 erased. */
    @Transactional
    public Export export(UUID customerId) {
        Customer customer = lookup.existing(customerId);
        return new Export(customer,
                CustomerPreference.of(customerId),
                CustomerRelationship.list("fromCustomer = ?1 or toCustomer = ?1 order by createdAt", customerId),
                ConsentChange.list("customerId = ?1 order by changedAt, id", customerId),
                MergeAudit.list("survivorId = ?1 or duplicateId = ?1 order by mergedAt", customerId));
    }

    /**
     * Removes the customer's personal data for good; the id stays as a tombstone, so the
     * other services' aggregates stay right. Records merged into this customer are erased too.
     */
    @Transactional
    public void erase(UUID customerId) {
        Customer customer = lookup.activeForUpdate(customerId, "id");
        List<Customer> erased = new ArrayList<>(Customer.list("mergedInto = ?1", customerId));
        erased.add(customer);
        Instant now = CustomerService.now();
        for (Customer c : erased) {
            anonymise(c, now);
            outbox.publish(CustomerEvents.ERASED, c.id, new CustomerErased(c.id, now));
        }
        events.erase(erased.stream().map(c -> c.id).toList());
    }

    /** When this customer's erasure was applied here (404 while it has not been). */
    @Transactional
    public Instant erasedAt(UUID customerId) {
        Customer customer = Customer.findById(customerId);
        if (customer == null || customer.status != CustomerStatus.ERASED) {
            throw ProblemException.notFound("Customer " + customerId + " has not been erased");
        }
        return customer.updatedAt;
    }

    private static void anonymise(Customer c, Instant now) {
        c.identifiers.clear();
        CustomerPreference.delete("id.customerId = ?1", c.id);
        CustomerVisit.delete("customerId = ?1", c.id);
        CustomerRelationship.delete("fromCustomer = ?1 or toCustomer = ?1", c.id);
        ConsentChange.delete("customerId = ?1", c.id);
        c.givenName = null;
        c.familyName = null;
        c.displayName = ERASED_NAME;
        c.salutation = null;
        c.company = null;
        c.jobTitle = null;
        c.language = null;
        c.birthday = null;
        c.notes = null;
        c.tags = new ArrayList<>();
        c.addresses = new ArrayList<>();
        c.importantDates = new ArrayList<>();
        c.influenceClass = InfluenceClass.C;
        c.ownerId = null;
        c.lastSeenAt = null;
        c.status = CustomerStatus.ERASED;
        c.updatedAt = now;
    }

    public record Export(Customer customer, List<CustomerPreference> preferences,
            List<CustomerRelationship> relationships, List<ConsentChange> consents, List<MergeAudit> merges) {
    }

}
