package crm.customer.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.customer.domain.Customer;
import crm.customer.domain.CustomerIdentifier;
import crm.customer.domain.CustomerKind;
import crm.customer.domain.CustomerStatus;
import crm.customer.domain.IdentifierKind;
import crm.customer.domain.InfluenceClass;
import crm.db.IdempotencyKeys;
import crm.events.customer.CustomerEvents;
import crm.events.customer.CustomerRegistered;
import crm.events.customer.CustomerUpdated;
import crm.events.outbox.Outbox;
import crm.rest.JsonMergePatch;
import crm.rest.ProblemException;
import crm.rest.RequestHash;
import crm.rest.RequestJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Registers customers and keeps their profile, one rule for both. */
@ApplicationScoped
public class CustomerService {
    private static final Set<String> WRITABLE = Stream.of(CustomerProfile.class.getRecordComponents())
            .map(component -> component.getName()).collect(Collectors.toUnmodifiableSet());

    private final Identifiers identifiers;
    private final CustomerLookup lookup;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Validator validator;
    private final IdempotencyKeys keys;
    /** Reads the patched profile as a request body is read: a member the profile does not have is a 400. */
    private final ObjectMapper requests;

    public CustomerService(Identifiers identifiers, CustomerLookup lookup, Outbox outbox, ObjectMapper json,
            Validator validator, IdempotencyKeys keys, RequestJson requests) {
        this.identifiers = identifiers;
        this.lookup = lookup;
        this.outbox = outbox;
        this.json = json;
        this.validator = validator;
        this.keys = keys;
        this.requests = requests.strict();
    }

    /**
     * Registers a customer. With an idempotency key, a retry of the same request returns the
     * customer the first one created; the same key with another profile is a 409.
     */
    @Transactional
    public Registration register(CustomerProfile profile, String idempotencyKey) {
        if (idempotencyKey == null) {
            return new Registration(register(profile), true);
        }
        Optional<UUID> earlier = keys.claim("registration", idempotencyKey, RequestHash.sha256(json, profile));
        if (earlier.isPresent()) {
            return new Registration(lookup.existing(earlier.get()), false);
        }
        Customer customer = register(profile);
        keys.made("registration", idempotencyKey, customer.id);
        return new Registration(customer, true);
    }

    public record Registration(Customer customer, boolean created) {
    }

    private Customer register(CustomerProfile profile) {
        Instant now = now();
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.status = CustomerStatus.ACTIVE;
        customer.createdAt = now;
        apply(customer, profile, now);
        customer.persistAndFlush();
        outbox.publish(CustomerEvents.REGISTERED, customer.id,
                new CustomerRegistered(customer.id, customer.kind.name(), now));
        return customer;
    }

    @Transactional
    public Customer get(UUID id) {
        return lookup.existing(id);
    }

    /**
     * Applies a JSON Merge Patch to the profile if the client saw the current version
     * ({@code If-Match}); publishes CustomerUpdated with the names of the fields that changed.
     */
    @Transactional
    public Customer update(UUID id, long expectedVersion, JsonNode patch) {
        if (!patch.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object (a JSON Merge Patch)");
        }
        patch.fieldNames().forEachRemaining(field -> {
            if (!WRITABLE.contains(field)) {
                throw ProblemException.invalid(field, "is not a writable field");
            }
        });
        Customer customer = lookup.activeForUpdate(id, "id");
        if (customer.version != expectedVersion) {
            throw new ProblemException(Response.Status.PRECONDITION_FAILED, "Customer " + id + " is at version "
                    + customer.version + ", not " + expectedVersion + ": read it again and re-apply the change");
        }
        CustomerProfile next = patched(CustomerProfile.of(customer), patch);
        Instant now = now();
        List<String> changed = apply(customer, next, now);
        if (!changed.isEmpty()) {
            customer.flush();
            outbox.publish(CustomerEvents.UPDATED, customer.id,
                    new CustomerUpdated(customer.id, changed, customer.version, now));
        }
        return customer;
    }

    private CustomerProfile patched(CustomerProfile current, JsonNode patch) {
        try {
            CustomerProfile next = requests.treeToValue(JsonMergePatch.apply(json.valueToTree(current), patch),
                    CustomerProfile.class);
            var violations = validator.validate(next);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            return next;
        } catch (JsonMappingException e) {
            throw ProblemException.unreadable(e);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("body", e.getOriginalMessage());
        }
    }

    /** Writes the profile onto the customer and returns the names of the fields that changed. */
    private List<String> apply(Customer c, CustomerProfile p, Instant now) {
        String phone = p.phone() == null ? null : identifiers.normalize(IdentifierKind.PHONE, p.phone(), "phone");
        String email = p.email() == null ? null : identifiers.normalize(IdentifierKind.EMAIL, p.email(), "email");
        List<String> changed = new ArrayList<>();
        set(changed, "kind", c.kind, p.kind() == null ? CustomerKind.CONSUMER : p.kind(), v -> c.kind = v);
        set(changed, "givenName", c.givenName, trim(p.givenName()), v -> c.givenName = v);
        set(changed, "familyName", c.familyName, trim(p.familyName()), v -> c.familyName = v);
        set(changed, "displayName", c.displayName, displayName(p), v -> c.displayName = v);
        set(changed, "salutation", c.salutation, trim(p.salutation()), v -> c.salutation = v);
        set(changed, "company", c.company, trim(p.company()), v -> c.company = v);
        set(changed, "jobTitle", c.jobTitle, trim(p.jobTitle()), v -> c.jobTitle = v);
        set(changed, "language", c.language, trim(p.language()), v -> c.language = v);
        set(changed, "birthday", c.birthday, p.birthday(), v -> c.birthday = v);
        set(changed, "notes", c.notes, trim(p.notes()), v -> c.notes = v);
        set(changed, "tags", c.tags, p.tags(), v -> c.tags = new ArrayList<>(v));
        set(changed, "addresses", c.addresses, p.addresses(), v -> c.addresses = new ArrayList<>(v));
        set(changed, "importantDates", c.importantDates, p.importantDates(), v -> c.importantDates = new ArrayList<>(v));
        set(changed, "influenceClass", c.influenceClass,
                p.influenceClass() == null ? InfluenceClass.C : p.influenceClass(), v -> c.influenceClass = v);
        set(changed, "ownerId", c.ownerId, trim(p.ownerId()), v -> c.ownerId = v);
        if (replacePrimary(c, IdentifierKind.PHONE, phone, "phone", now)) {
            changed.add("phone");
        }
        if (replacePrimary(c, IdentifierKind.EMAIL, email, "email", now)) {
            changed.add("email");
        }
        if (!changed.isEmpty()) {
            c.updatedAt = now;
        }
        return changed;
    }

    /** The profile's phone or e-mail is the customer's first identifier of that kind. */
    private boolean replacePrimary(Customer c, IdentifierKind kind, String value, String field, Instant now) {
        String current = c.identifier(kind).orElse(null);
        if (Objects.equals(current, value)) {
            return false;
        }
        if (value != null) {
            identifiers.ensureFree(kind, value, c.id, field);
        }
        c.identifiers.removeIf(i -> i.kind == kind && i.value.equals(current));
        if (value != null && c.identifiers.stream().noneMatch(i -> i.kind == kind && i.value.equals(value))) {
            c.addIdentifier(kind, value, now);
        }
        // the removal must reach the database before an insert of the same (kind, value) elsewhere
        CustomerIdentifier.flush();
        return true;
    }

    /** The display name given, else given and family name; a customer must be greetable by some name. */
    private static String displayName(CustomerProfile p) {
        String given = trim(p.displayName());
        if (given != null) {
            return given;
        }
        String composed = Stream.of(p.givenName(), p.familyName())
                .map(CustomerService::trim)
                .filter(Objects::nonNull)
                .collect(Collectors.joining(" "));
        if (composed.isEmpty()) {
            throw ProblemException.invalid("displayName", "a name is required: give displayName, givenName or familyName");
        }
        return composed;
    }

    private static <T> void set(List<String> changed, String field, T current, T next, java.util.function.Consumer<T> setter) {
        if (!Objects.equals(current, next)) {
            setter.accept(next);
            changed.add(field);
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
