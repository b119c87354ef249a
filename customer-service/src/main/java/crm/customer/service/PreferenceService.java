package crm.customer.service;

import crm.customer.config.CustomerConfig;
import crm.customer.domain.Customer;
import crm.customer.domain.CustomerPreference;
import crm.customer.domain.CustomerVisit;
import crm.customer.domain.PreferenceSource;
import crm.events.transaction.TransactionRecorded;
import crm.rest.Page;
import crm.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The goldfish rule: what a customer told us (STATED) or showed us (OBSERVED) is remembered.
 * Stated beats observed; observed preferences are the most frequent value over the last visits.
 */
@ApplicationScoped
public class PreferenceService {
    /** The preference key under which the most frequent items of recent visits are kept. */
    public static final String USUAL_ORDER = "usualOrder";

    private final CustomerLookup lookup;
    private final CustomerConfig config;

    public PreferenceService(CustomerLookup lookup, CustomerConfig config) {
        this.lookup = lookup;
        this.config = config;
    }

    /** A customer's preferences by key. */
    @Transactional
    public Page<CustomerPreference> list(UUID customerId, int page, int size) {
        Page.check(page, size, config.maxPageSize());
        lookup.existing(customerId);
        var query = CustomerPreference.<CustomerPreference>find("id.customerId = ?1 order by id.key", customerId);
        return Page.of(page, size, query.count(), () -> query.page(page, size).list());
    }

    /** Sets a preference; an observed value may not replace a stated one (409). */
    @Transactional
    public CustomerPreference put(UUID customerId, String key, String category, String value, PreferenceSource source) {
        lookup.activeForUpdate(customerId, "customerId");
        CustomerPreference existing = CustomerPreference.findById(new CustomerPreference.Key(customerId, key));
        if (existing != null && existing.source == PreferenceSource.STATED && source == PreferenceSource.OBSERVED) {
            throw ProblemException.conflict("source", "the customer stated this preference; an observation does not replace it");
        }
        return save(existing, customerId, key, category, value, source, null, CustomerService.now());
    }

    @Transactional
    public void delete(UUID customerId, String key) {
        lookup.activeForUpdate(customerId, "customerId");
        if (!CustomerPreference.deleteById(new CustomerPreference.Key(customerId, key))) {
            throw ProblemException.notFound("Customer " + customerId + " has no preference " + key);
        }
    }

    /**
     * Learns from a purchase: remembers the visit, then re-derives the observed preferences (each
     * visit attribute, and the usual order) from the latest visits. A redelivered transaction is
     * recorded once.
     */
    @Transactional
    public void observe(TransactionRecorded transaction) {
        Customer customer = lookup.activeFollowingMerges(transaction.customerId()).orElse(null);
        if (customer == null || CustomerVisit.findById(transaction.transactionId()) != null) {
            return;
        }
        CustomerVisit visit = new CustomerVisit();
        visit.transactionId = transaction.transactionId();
        visit.customerId = customer.id;
        visit.occurredAt = transaction.occurredAt();
        visit.attributes = transaction.attributes() == null ? Map.of() : transaction.attributes();
        visit.items = transaction.lines() == null ? List.of() : transaction.lines().stream()
                .filter(line -> line.quantity() != null && line.quantity().signum() > 0)
                .map(TransactionRecorded.Line::sku)
                .toList();
        visit.persist();

        List<CustomerVisit> recent = CustomerVisit.latest(customer.id, config.observedVisits());
        Instant now = CustomerService.now();
        Map<String, List<String>> byAttribute = new LinkedHashMap<>();
        recent.forEach(v -> v.attributes.forEach((k, value) ->
                byAttribute.computeIfAbsent(k, x -> new ArrayList<>()).add(value)));
        byAttribute.forEach((attribute, values) -> {
            Ranked top = ranked(values).get(0);
            observed(customer.id, attribute, attribute.toUpperCase(Locale.ROOT), top.value(),
                    share(top.count(), recent.size()), now);
        });
        List<Ranked> items = ranked(recent.stream().flatMap(v -> v.items.stream()).toList());
        if (!items.isEmpty()) {
            String usual = items.stream().limit(config.usualOrderItems()).map(Ranked::value)
                    .collect(Collectors.joining(", "));
            observed(customer.id, USUAL_ORDER, "FOOD", usual, share(items.get(0).count(), recent.size()), now);
        }
    }

    private void observed(UUID customerId, String key, String category, String value, BigDecimal confidence,
            Instant now) {
        CustomerPreference existing = CustomerPreference.findById(new CustomerPreference.Key(customerId, key));
        if (existing == null || existing.source == PreferenceSource.OBSERVED) {
            save(existing, customerId, key, category, value, PreferenceSource.OBSERVED, confidence, now);
        }
    }

    private static CustomerPreference save(CustomerPreference existing, UUID customerId, String key, String category,
            String value, PreferenceSource source, BigDecimal confidence, Instant now) {
        CustomerPreference preference = existing != null ? existing : new CustomerPreference();
        preference.id = new CustomerPreference.Key(customerId, key);
        preference.category = category;
        preference.value = value;
        preference.source = source;
        preference.confidence = confidence;
        preference.confirmedAt = now;
        preference.persist();
        return preference;
    }

    /** Values by how often they occur, most frequent first; ties go to the most recent (first seen). */
    private static List<Ranked> ranked(List<String> newestFirst) {
        Map<String, Long> counts = newestFirst.stream()
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        List<String> order = newestFirst.stream().distinct().toList();
        return counts.entrySet().stream()
                .map(e -> new Ranked(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(Ranked::count).reversed()
                        .thenComparingInt(r -> order.indexOf(r.value())))
                .toList();
    }

    private static BigDecimal share(long count, int visits) {
        return BigDecimal.valueOf(count).divide(BigDecimal.valueOf(visits), 3, RoundingMode.HALF_UP).min(BigDecimal.ONE);
    }

    private record Ranked(String value, long count) {
    }
}
