package crm.customer.service;

import crm.customer.config.CustomerConfig;
import crm.customer.domain.Customer;
import crm.customer.domain.CustomerCard;
import crm.customer.domain.CustomerStatus;
import crm.customer.domain.IdentifierKind;
import crm.rest.Page;
import crm.rest.ProblemException;
import crm.rest.QueryParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The reads the front desk and account managers run: identify, search, birthdays, absentees. */
@ApplicationScoped
public class CustomerQueries {
    private static final String BIRTHDAY_COUNT = """
            SELECT count(*) FROM customer WHERE status = 'ACTIVE' AND birthday_key = ANY (CAST(:keys AS int[]))""";

    /** Each birthday key comes with the days until it is celebrated, to order by. */
    private static final String BIRTHDAY_PAGE = """
            SELECT c.id FROM customer c
            JOIN unnest(CAST(:keys AS int[]), CAST(:days AS int[])) AS w(birthday_key, days)
                ON w.birthday_key = c.birthday_key
            WHERE c.status = 'ACTIVE'
            ORDER BY w.days, c.display_name, c.id LIMIT :limit OFFSET :offset""";

    private final EntityManager em;
    private final Identifiers identifiers;
    private final CustomerConfig config;

    public CustomerQueries(EntityManager em, Identifiers identifiers, CustomerConfig config) {
        this.em = em;
        this.identifiers = identifiers;
        this.config = config;
    }

    /**
     * The active customer an identifier names: one indexed query straight into the card, no
     * entity to load or check for changes, because the guest is waiting.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CustomerCard identify(IdentifierKind kind, String raw, String field) {
        String value = identifiers.normalize(kind, raw, field);
        return em.createQuery("""
                        select new crm.customer.domain.CustomerCard(c.id, c.salutation, c.displayName, c.kind,
                            c.influenceClass, c.ownerId)
                        from CustomerIdentifier i join i.customer c
                        where i.kind = :kind and i.value = :value and c.status = :active""", CustomerCard.class)
                .setParameter("kind", kind)
                .setParameter("value", value)
                .setParameter("active", CustomerStatus.ACTIVE)
                .getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("No customer is identified by " + kind + " " + value));
    }

    @Transactional
    public Page<Customer> search(CustomerSearch search) {
        Page.check(search.page(), search.size(), config.maxPageSize());
        StringBuilder where = new StringBuilder(" FROM customer WHERE status = 'ACTIVE'");
        Map<String, Object> params = new HashMap<>();
        String q = QueryParams.search("q", search.q(), config.searchMinLength());
        if (q != null) {
            // word similarity finds "wang" in "wang xiaoming, acme"; LIKE catches short substrings, taken literally.
            where.append(" AND (:q <% search_text OR search_text LIKE '%' || :pattern || '%')");
            params.put("q", q.toLowerCase(Locale.ROOT));
            params.put("pattern", QueryParams.likeLiteral(q.toLowerCase(Locale.ROOT)));
        }
        filter(where, params, "kind", search.kind() == null ? null : search.kind().name(), " AND kind = :kind");
        filter(where, params, "influenceClass", search.influenceClass() == null ? null : search.influenceClass().name(),
                " AND influence_class = :influenceClass");
        filter(where, params, "ownerId", search.ownerId(), " AND owner_id = :ownerId");
        filter(where, params, "tag", search.tag(), " AND tags @> ARRAY[CAST(:tag AS text)]");
        String order = params.containsKey("q")
                ? " ORDER BY word_similarity(:q, search_text) DESC, display_name, id"
                : " ORDER BY display_name, id";
        Query ids = em.createNativeQuery("SELECT id" + where + order + " LIMIT :limit OFFSET :offset", UUID.class);
        Query count = em.createNativeQuery("SELECT count(*)" + where, Long.class);
        params.forEach((name, value) -> {
            ids.setParameter(name, value);
            count.setParameter(name, value);
        });
        ids.setParameter("limit", search.size()).setParameter("offset", Page.offset(search.page(), search.size()));
        return Page.of(search.page(), search.size(), (Long) count.getSingleResult(), () -> load(ids(ids)));
    }

    /**
     * Active customers whose birthday falls in the next {@code days} days, today included, soonest
     * first, then by name.
     */
    @Transactional
    public Page<UpcomingBirthday> birthdays(int days, int page, int size) {
        if (days < 0 || days > 366) {
            throw ProblemException.invalid("withinDays", "must be between 0 and 366");
        }
        Page.check(page, size, config.maxPageSize());
        LocalDate today = LocalDate.now(config.zone());
        Map<Integer, Integer> window = birthdayWindow(today, days);
        String keys = array(window.keySet());
        long total = ((Number) em.createNativeQuery(BIRTHDAY_COUNT).setParameter("keys", keys).getSingleResult())
                .longValue();
        return Page.of(page, size, total, () -> load(ids(em.createNativeQuery(BIRTHDAY_PAGE, UUID.class)
                        .setParameter("keys", keys).setParameter("days", array(window.values()))
                        .setParameter("limit", size).setParameter("offset", Page.offset(page, size)))).stream()
                .map(c -> new UpcomingBirthday(c, nextBirthday(c.birthday, today))).toList());
    }

    /** Active customers not seen (no purchase, no logged experience) for more than {@code days} days. */
    @Transactional
    public Page<Customer> absent(int days, int page, int size) {
        if (days < 1) {
            throw ProblemException.invalid("days", "must be at least 1");
        }
        Page.check(page, size, config.maxPageSize());
        Instant cutoff = Instant.now().minus(java.time.Duration.ofDays(days));
        String where = " FROM customer WHERE status = 'ACTIVE' AND coalesce(last_seen_at, created_at) < :cutoff";
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT id" + where
                        + " ORDER BY coalesce(last_seen_at, created_at), id LIMIT :limit OFFSET :offset", UUID.class)
                .setParameter("cutoff", cutoff).setParameter("limit", size).setParameter("offset", Page.offset(page, size))
                .getResultList();
        long total = (Long) em.createNativeQuery("SELECT count(*)" + where, Long.class)
                .setParameter("cutoff", cutoff).getSingleResult();
        return Page.of(page, size, total, () -> load(ids));
    }

    /**
     * The birthday keys (month * 100 + day) of the days from today through today + days, across
     * the year's end, each with the days from today until it is celebrated. Outside leap years a
     * 29 February birthday is celebrated on the 28th.
     */
    static Map<Integer, Integer> birthdayWindow(LocalDate today, int days) {
        Map<Integer, Integer> keys = new LinkedHashMap<>();
        for (int d = 0; d <= days; d++) {
            LocalDate date = today.plusDays(d);
            keys.putIfAbsent(key(MonthDay.from(date)), d);
            if (date.getMonthValue() == 2 && date.getDayOfMonth() == 28 && !date.isLeapYear()) {
                keys.putIfAbsent(229, d);
            }
        }
        return keys;
    }

    /** A PostgreSQL array literal of whole numbers, bound as text and cast in the statement. */
    private static String array(Collection<Integer> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    @SuppressWarnings("unchecked")
    private static List<UUID> ids(Query query) {
        return query.getResultList();
    }

    /** The next time the birthday is celebrated, today included. */
    static LocalDate nextBirthday(LocalDate birthday, LocalDate today) {
        LocalDate thisYear = MonthDay.from(birthday).atYear(today.getYear());
        return thisYear.isBefore(today) ? MonthDay.from(birthday).atYear(today.getYear() + 1) : thisYear;
    }

    /** The customers with these ids, identifiers loaded, in the order of the ids. */
    private static List<Customer> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Customer> byId = Customer.<Customer>list(
                        "select distinct c from Customer c left join fetch c.identifiers where c.id in ?1", ids)
                .stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
        return ids.stream().map(byId::get).toList();
    }

    private static void filter(StringBuilder where, Map<String, Object> params, String name, Object value, String sql) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            where.append(sql);
            params.put(name, value);
        }
    }

    private static int key(MonthDay day) {
        return day.getMonthValue() * 100 + day.getDayOfMonth();
    }

    public record UpcomingBirthday(Customer customer, LocalDate date) {
    }
}
