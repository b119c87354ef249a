package crm.customer.service;

import crm.customer.domain.Customer;
import crm.customer.domain.CustomerIdentifier;
import crm.customer.domain.IdentifierKind;
import crm.events.customer.CustomerEvents;
import crm.events.customer.CustomerUpdated;
import crm.events.outbox.Outbox;
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

    public IdentifierService(CustomerLookup lookup, Identifiers identifiers, Outbox outbox) {
        this.lookup = lookup;
        this.identifiers = identifiers;
        this.outbox = outbox;
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
