package crm.customer.service;

import crm.customer.domain.Customer;
import crm.customer.domain.CustomerRelationship;
import crm.customer.domain.CustomerStatus;
import crm.customer.domain.RelationshipType;
import crm.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Who knows whom: the network through which value customers bring their influence. */
@ApplicationScoped
public class RelationshipService {
    public static final int MAX_DEPTH = 4;

    private final CustomerLookup lookup;

    public RelationshipService(CustomerLookup lookup) {
        this.lookup = lookup;
    }

    @Transactional
    public CustomerRelationship add(UUID from, UUID to, RelationshipType type, int strength, String note) {
        if (from.equals(to)) {
            throw ProblemException.invalid("toCustomerId", "a customer cannot have a relationship with themselves");
        }
        lookup.activeForUpdate(from, "customerId");
        lookup.activeForUpdate(to, "toCustomerId");
        if (CustomerRelationship.count("fromCustomer = ?1 and toCustomer = ?2 and type = ?3", from, to, type) > 0) {
            throw ProblemException.conflict("type", "a " + type + " relationship to " + to + " already exists");
        }
        CustomerRelationship relationship = new CustomerRelationship();
        relationship.id = UUID.randomUUID();
        relationship.fromCustomer = from;
        relationship.toCustomer = to;
        relationship.type = type;
        relationship.strength = strength;
        relationship.note = note == null || note.isBlank() ? null : note.strip();
        relationship.createdAt = CustomerService.now();
        relationship.persist();
        return relationship;
    }

    @Transactional
    public void remove(UUID customerId, UUID relationshipId) {
        lookup.existing(customerId);
        long deleted = CustomerRelationship.delete("id = ?1 and (fromCustomer = ?2 or toCustomer = ?2)",
                relationshipId, customerId);
        if (deleted == 0) {
            throw ProblemException.notFound("Customer " + customerId + " has no relationship " + relationshipId);
        }
    }

    /**
     * The customers within {@code depth} steps of this one, following edges either way, and the
     * edges between them. One query per step; a visited set makes cycles terminate.
     */
    @Transactional
    public Network network(UUID customerId, int depth) {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw ProblemException.invalid("depth", "must be between 1 and " + MAX_DEPTH);
        }
        lookup.existing(customerId);
        Map<UUID, Integer> distance = new LinkedHashMap<>(Map.of(customerId, 0));
        Map<UUID, CustomerRelationship> edges = new LinkedHashMap<>();
        Set<UUID> frontier = Set.of(customerId);
        for (int step = 1; step <= depth && !frontier.isEmpty(); step++) {
            List<CustomerRelationship> found = CustomerRelationship.list(
                    "fromCustomer in ?1 or toCustomer in ?1 order by createdAt", frontier);
            Set<UUID> next = new HashSet<>();
            for (CustomerRelationship edge : found) {
                edges.putIfAbsent(edge.id, edge);
                for (UUID end : List.of(edge.fromCustomer, edge.toCustomer)) {
                    if (!distance.containsKey(end)) {
                        distance.put(end, step);
                        next.add(end);
                    }
                }
            }
            frontier = next;
        }
        Map<UUID, Customer> customers = new LinkedHashMap<>();
        Customer.<Customer>list("id in ?1", distance.keySet()).forEach(c -> customers.put(c.id, c));
        List<Network.Node> nodes = new ArrayList<>();
        distance.forEach((id, d) -> {
            Customer c = customers.get(id);
            if (c != null && c.status != CustomerStatus.ERASED) {
                nodes.add(new Network.Node(c, d));
            }
        });
        return new Network(customerId, depth, nodes, List.copyOf(edges.values()));
    }

    public record Network(UUID root, int depth, List<Node> nodes, List<CustomerRelationship> edges) {
        public record Node(Customer customer, int distance) {
        }
    }
}
