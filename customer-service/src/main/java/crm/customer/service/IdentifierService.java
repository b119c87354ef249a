package crm.customer.service;

import crm.customer.config.CustomerConfig;
import crm.customer.domain.Customer;
import crm.customer.domain.CustomerIdentifier;
import crm.customer.domain.IdentifierKind;
import crm.events.customer.CustomerEvents;
import crm.events.customer.CustomerUpdated;
import crm.events.outbox.Outbox;
import crm.rest.Page;
import crm.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Cards, plates, memberships and further phones: how the customer is recognised at each touch point. */
@ApplicationScoped
public class IdentifierService {
    private final CustomerLookup lookup;
    private final Identifiers identifiers;
    private final Outbox outbox;
    private final CustomerConfig config;

    public IdentifierService(CustomerLookup lookup, Identifiers identifiers, Outbox outbox, CustomerConfig config) {
        this.lookup = lookup;
        this.identifiers = identifiers;
        this.outbox = outbox;
        this.config = config;
    }

    /** A customer's identifiers, by kind and value. */
    @Transactional
    public Page<CustomerIdentifier> list(UUID customerId, int page, int size) {
        Page.check(page, size, config.maxPageSize());
        lookup.existing(customerId);
        var query = CustomerIdentifier.<CustomerIdentifier>find("customer.id = ?1 order by kind, value", customerId);
        return Page.of(page, size, query.count(), () -> query.page(page, size).list());
    }

    /** Adds an identifier; adding one the customer already holds changes nothing. */
    @Transactional
    public CustomerIdentifier add(UUID customerId, IdentifierKind kind, String raw) {
        Customer customer = lookup.activeForUpdate(customerId, "customerId");
        String value = identifiers.normalize(kind, raw, "value");
        identifiers.ensureFree(kind, value, customerId, "value");
        return customer.identifiers.stream()
                .filter(i -> i.kind == kind && i.value.equals(value))
                .findFirst()
                .orElseGet(() -> {
                    Instant now = CustomerService.now();
                    customer.addIdentifier(kind, value, now);
                    changed(customer, now);
                    return customer.identifiers.get(customer.identifiers.size() - 1);
                });
    }

    @Transactional
    public void remove(UUID customerId, IdentifierKind kind, String raw) {
        Customer customer = lookup.activeForUpdate(customerId, "customerId");
        String value = identifiers.normalize(kind, raw, "value");
        if (!customer.identifiers.removeIf(i -> i.kind == kind && i.value.equals(value))) {
            throw ProblemException.notFound("Customer " + customerId + " has no identifier " + kind + " " + value);
        }
        changed(customer, CustomerService.now());
    }

    private void changed(Customer customer, Instant now) {
        customer.updatedAt = now;
        customer.flush();
        outbox.publish(CustomerEvents.UPDATED, customer.id,
                new CustomerUpdated(customer.id, List.of("identifiers"), customer.version, now));
    }
}
