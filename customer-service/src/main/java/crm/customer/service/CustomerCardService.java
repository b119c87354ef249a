package crm.customer.service;

import crm.customer.config.CardConfig;
import crm.customer.config.CustomerConfig;
import crm.customer.domain.ConsentChange;
import crm.customer.domain.ConsentPurpose;
import crm.customer.domain.ConsentStatus;
import crm.customer.domain.Customer;
import crm.customer.domain.CustomerPreference;
import crm.customer.domain.IdentifierKind;
import crm.customer.domain.ImportantDate;
import crm.customer.domain.PreferenceSource;
import crm.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** customer-service's section of the front-desk card, read in a few indexed queries. */
@ApplicationScoped
public class CustomerCardService {
    private final CustomerLookup lookup;
    private final CustomerQueries queries;
    private final CustomerCardRules rules;
    private final CardConfig card;
    private final CustomerConfig config;

    public CustomerCardService(CustomerLookup lookup, CustomerQueries queries, CustomerCardRules rules, CardConfig card,
            CustomerConfig config) {
        this.lookup = lookup;
        this.queries = queries;
        this.rules = rules;
        this.card = card;
        this.config = config;
    }

    /** The section of the customer an identifier names (404 if nobody). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CustomerCardSection of(IdentifierKind kind, String value, String field) {
        return of(queries.identify(kind, value, field).id());
    }

    /** The section of a customer; a merged record answers with its survivor's (404 unknown, 410 erased). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CustomerCardSection of(UUID id) {
        Customer customer = lookup.current(id);
        LocalDate today = LocalDate.now(config.zone());
        Integer daysSince = customer.lastSeenAt == null ? null
                : (int) ChronoUnit.DAYS.between(LocalDate.ofInstant(customer.lastSeenAt, config.zone()), today);
        CustomerCardSection section = new CustomerCardSection(customer.id, customer.id.equals(id) ? null : id,
                customer.salutation, customer.displayName, customer.language, customer.kind, customer.influenceClass,
                customer.ownerId, likes(customer.id), upcomingDates(customer, today), customer.lastSeenAt, daysSince,
                consent(customer.id), List.of());
        return section.withActions(rules.actions(section));
    }

    private static List<CustomerCardSection.Like> likes(UUID customerId) {
        return CustomerPreference.of(customerId).stream()
                .sorted(Comparator.comparing((CustomerPreference p) -> p.source != PreferenceSource.STATED))
                .map(p -> new CustomerCardSection.Like(p.id.key(), p.category, p.value, p.source))
                .toList();
    }

    /** The birthday and important dates within the window, soonest first (29 February: the 28th outside leap years). */
    private List<CustomerCardSection.UpcomingDate> upcomingDates(Customer customer, LocalDate today) {
        List<CustomerCardSection.UpcomingDate> dates = new ArrayList<>();
        if (customer.birthday != null) {
            add(dates, "BIRTHDAY", null, CustomerQueries.nextBirthday(customer.birthday, today), today);
        }
        for (ImportantDate date : customer.importantDates) {
            add(dates, date.kind().name(), date.label(), CustomerQueries.nextBirthday(date.date(), today), today);
        }
        dates.sort(Comparator.comparing(CustomerCardSection.UpcomingDate::date));
        return dates;
    }

    private void add(List<CustomerCardSection.UpcomingDate> dates, String kind, String label, LocalDate next,
            LocalDate today) {
        int inDays = (int) ChronoUnit.DAYS.between(today, next);
        if (inDays <= card.datesWithinDays()) {
            dates.add(new CustomerCardSection.UpcomingDate(kind, label, next, inDays));
        }
    }

    /** Marketing is allowed on the channels whose latest decision is GRANTED; none decided is none allowed. */
    private static CustomerCardSection.Consent consent(UUID customerId) {
        Map<Object, ConsentChange> latest = new LinkedHashMap<>();
        ConsentChange.<ConsentChange>list("customerId = ?1 and purpose = ?2 order by changedAt, id", customerId,
                ConsentPurpose.MARKETING).forEach(change -> latest.put(change.channel, change));
        var granted = latest.values().stream().filter(c -> c.status == ConsentStatus.GRANTED).map(c -> c.channel).toList();
        return new CustomerCardSection.Consent(!granted.isEmpty(), granted);
    }
}
