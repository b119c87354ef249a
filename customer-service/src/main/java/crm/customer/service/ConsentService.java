package crm.customer.service;

import crm.customer.domain.ConsentChange;
import crm.customer.domain.ConsentChannel;
import crm.customer.domain.ConsentPurpose;
import crm.customer.domain.ConsentStatus;
import crm.events.customer.ConsentChanged;
import crm.events.customer.CustomerEvents;
import crm.events.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Consent per purpose and channel, with its full history: make money while protecting privacy. */
@ApplicationScoped
public class ConsentService {
    private final CustomerLookup lookup;
    private final Outbox outbox;

    public ConsentService(CustomerLookup lookup, Outbox outbox) {
        this.lookup = lookup;
        this.outbox = outbox;
    }

    /** Records a consent decision; repeating the current one records nothing and publishes nothing. */
    @Transactional
    public ConsentChange set(UUID customerId, ConsentPurpose purpose, ConsentChannel channel, ConsentStatus status,
            String source) {
        lookup.activeForUpdate(customerId, "customerId");
        ConsentChange current = ConsentChange.<ConsentChange>find(
                        "customerId = ?1 and purpose = ?2 and channel = ?3 order by changedAt desc, id desc",
                        customerId, purpose, channel)
                .firstResult();
        if (current != null && current.status == status) {
            return current;
        }
        ConsentChange change = new ConsentChange();
        change.customerId = customerId;
        change.purpose = purpose;
        change.channel = channel;
        change.status = status;
        change.source = source.strip();
        change.changedAt = CustomerService.now();
        change.persist();
        outbox.publish(CustomerEvents.CONSENT_CHANGED, customerId, new ConsentChanged(customerId, purpose.name(),
                channel.name(), status.name(), change.source, change.changedAt));
        return change;
    }

    /** The current consents (the latest decision per purpose and channel) and every decision before them. */
    @Transactional
    public Consents of(UUID customerId) {
        lookup.existing(customerId);
        List<ConsentChange> history = ConsentChange.list("customerId = ?1 order by changedAt, id", customerId);
        Map<String, ConsentChange> current = new LinkedHashMap<>();
        history.forEach(change -> current.put(change.purpose + "/" + change.channel, change));
        return new Consents(List.copyOf(current.values()), history);
    }

    public record Consents(List<ConsentChange> current, List<ConsentChange> history) {
    }
}
