package crm.customer.service;

import crm.customer.config.CustomerConfig;
import crm.customer.domain.Customer;
import crm.customer.domain.CustomerRelationship;
import crm.customer.domain.CustomerStatus;
import crm.customer.domain.RelationshipType;
import crm.rest.Page;
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
    private final CustomerConfig config;

    public RelationshipService(CustomerLookup lookup, CustomerConfig config) {
        this.lookup = lookup;
        this.config = config;
    }

    /** The relationships from and to a customer, oldest first. */
    @Transactional
    public Page<CustomerRelationship> list(UUID customerId, int page, int size) {
        Page.check(page, size, config.maxPageSize());
        lookup.existing(customerId);
        var query = CustomerRelationship.<CustomerRelationship>find(
                "fromCustomer = ?1 or toCustomer = ?1 order by createdAt, id", customerId);
        return Page.of(page, size, query.count(), () -> query.page(page, size).list());
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
     * edges between them. One query per step; a visited set makes cycles terminate. At most
     * crm.customer.network-max-nodes customers, the nearest first (oldest edges first within a step);
     * a step reads at most as many edges, and an answer cut there says it is truncated.
     */
    @Transactional
    public Network network(UUID customerId, int depth) {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw ProblemException.invalid("depth", "must be between 1 and " + MAX_DEPTH);
        }
        lookup.existing(customerId);
        int max = config.networkMaxNodes();
        boolean truncated = false;
        Map<UUID, Integer> distance = new LinkedHashMap<>(Map.of(customerId, 0));
        Map<UUID, CustomerRelationship> edges = new LinkedHashMap<>();
        Set<UUID> frontier = Set.of(customerId);
        for (int step = 1; step <= depth && !frontier.isEmpty(); step++) {
            List<CustomerRelationship> found = CustomerRelationship.<CustomerRelationship>find(
                    "fromCustomer in ?1 or toCustomer in ?1 order by createdAt, id", frontier).range(0, max).list();
            if (found.size() > max) {
                truncated = true;
                found = found.subList(0, max);
            }
            Set<UUID> next = new HashSet<>();
            for (CustomerRelationship edge : found) {
                for (UUID end : List.of(edge.fromCustomer, edge.toCustomer)) {
                    if (!distance.containsKey(end) && distance.size() < max) {
                        distance.put(end, step);
                        next.add(end);
                    }
                }
                if (distance.containsKey(edge.fromCustomer) && distance.containsKey(edge.toCustomer)) {
                    edges.putIfAbsent(edge.id, edge);
                } else {
                    truncated = true;
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
        return new Network(customerId, depth, nodes, List.copyOf(edges.values()), truncated);
    }

    /** {@code truncated}: customers or edges within the depth were left out, beyond the most an answer holds. */
    public record Network(UUID root, int depth, List<Node> nodes, List<CustomerRelationship> edges, boolean truncated) {
        public record Node(Customer customer, int distance) {
        }
    }
}
