package crm.customer.service;

import crm.customer.domain.Customer;
import crm.customer.domain.CustomerIdentifier;
import crm.customer.domain.CustomerKind;
import crm.customer.domain.CustomerStatus;
import crm.customer.domain.IdentifierKind;
import crm.events.customer.CustomerEvents;
import crm.events.customer.CustomerRegistered;
import crm.events.outbox.Outbox;
import crm.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

@ApplicationScoped
public class CustomerService {
    private final ContactNormalizer contacts;
    private final Outbox outbox;

    public CustomerService(ContactNormalizer contacts, Outbox outbox) {
        this.contacts = contacts;
        this.outbox = outbox;
    }

    @Transactional
    public Customer register(RegisterCustomer request) {
        String displayName = displayName(request);
        String phone = request.phone() == null ? null : contacts.phone("phone", request.phone());
        String email = request.email() == null ? null : contacts.email(request.email());
        ensureFree(IdentifierKind.PHONE, "phone", phone);
        ensureFree(IdentifierKind.EMAIL, "email", email);

        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.kind = request.kind() == null ? CustomerKind.CONSUMER : request.kind();
        customer.givenName = trimToNull(request.givenName());
        customer.familyName = trimToNull(request.familyName());
        customer.displayName = displayName;
        customer.salutation = trimToNull(request.salutation());
        customer.birthday = request.birthday();
        customer.status = CustomerStatus.ACTIVE;
        customer.createdAt = now;
        customer.updatedAt = now;
        if (phone != null) {
            customer.addIdentifier(IdentifierKind.PHONE, phone, now);
        }
        if (email != null) {
            customer.addIdentifier(IdentifierKind.EMAIL, email, now);
        }
        customer.persistAndFlush();
        outbox.publish(CustomerEvents.REGISTERED, customer.id,
                new CustomerRegistered(customer.id, customer.kind.name(), now));
        return customer;
    }

    @Transactional
    public Customer get(UUID id) {
        return Customer.<Customer>find("from Customer c left join fetch c.identifiers where c.id = ?1", id)
                .singleResultOptional()
                .orElseThrow(() -> ProblemException.notFound("No customer with id " + id));
    }

    /** The display name given, else given and family name; a customer must be greetable by some name. */
    private static String displayName(RegisterCustomer request) {
        String given = trimToNull(request.displayName());
        if (given != null) {
            return given;
        }
        String composed = Stream.of(request.givenName(), request.familyName())
                .map(CustomerService::trimToNull)
                .filter(part -> part != null)
                .collect(Collectors.joining(" "));
        if (composed.isEmpty()) {
            throw ProblemException.invalid("displayName", "a name is required: give displayName, givenName or familyName");
        }
        return composed;
    }

    private static void ensureFree(IdentifierKind kind, String field, String value) {
        if (value != null && CustomerIdentifier.find(kind, value).isPresent()) {
            throw ProblemException.conflict(field, value + " already identifies another customer");
        }
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
