package crm.segmentation.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import crm.events.outbox.Outbox;
import crm.events.transaction.TransactionEvents;
import crm.events.transaction.TransactionRecorded;
import crm.rest.Page;
import crm.rest.ProblemException;
import crm.rest.RequestHash;
import crm.segmentation.config.SegmentationConfig;
import crm.segmentation.domain.CustomerSegment;
import crm.segmentation.domain.LedgerTransaction;
import crm.segmentation.domain.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The ledger: records each sale or refund once, keeps the per-period totals the pyramid is cut
 * from, and publishes TransactionRecorded.
 */
@ApplicationScoped
public class TransactionService {
    private final EntityManager em;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final SegmentationConfig config;
    private final Money money;

    public TransactionService(EntityManager em, Outbox outbox, ObjectMapper json, SegmentationConfig config,
            Money money) {
        this.em = em;
        this.outbox = outbox;
        this.json = json;
        this.config = config;
        this.money = money;
    }

    /** The transaction recorded, and whether this request recorded it (false: a retry of an earlier one). */
    public record Recorded(LedgerTransaction transaction, boolean created) {
    }

    /** A refused request has written nothing, so it need not roll back a batch it is part of. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Recorded record(RecordTransaction request) {
        validate(request);
        String hash = RequestHash.sha256(json, request);
        Optional<LedgerTransaction> earlier = LedgerTransaction.find("source = ?1 and externalId = ?2",
                request.source(), request.externalId()).firstResultOptional();
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash.equals(hash)) {
                throw ProblemException.conflict("externalId", "source " + request.source() + " already recorded "
                        + request.externalId() + " with different content");
            }
            return new Recorded(earlier.get(), false);
        }
        if (CustomerSegment.findById(request.customerId()) == null) {
            throw ProblemException.invalid("customerId", "no customer " + request.customerId() + " is known");
        }
        LedgerTransaction t = new LedgerTransaction();
        t.id = UUID.randomUUID();
        t.source = request.source().strip();
        t.externalId = request.externalId().strip();
        t.customerId = request.customerId();
        t.occurredAt = request.occurredAt().truncatedTo(ChronoUnit.MICROS);
        t.store = request.store();
        t.channel = request.channel();
        t.currency = request.currency();
        t.refund = request.refund();
        t.lines = request.lines().stream().map(l -> new LedgerTransaction.Line(l.sku(), l.description(), l.category(),
                l.quantity(), l.unitPrice(), l.unitCost())).toList();
        t.attributes = request.attributes() == null ? Map.of() : request.attributes();
        t.revenue = sum(request.lines(), true);
        t.cost = sum(request.lines(), false);
        t.requestHash = hash;
        t.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        t.persistAndFlush();
        addToTotals(t);
        outbox.publish(TransactionEvents.RECORDED, t.customerId, new TransactionRecorded(t.id, t.customerId, t.source,
                t.externalId, t.occurredAt, t.store, t.channel, t.currency,
                t.lines.stream().map(l -> new TransactionRecorded.Line(l.sku(), l.description(), l.category(),
                        l.quantity(), l.unitPrice(), l.unitCost())).toList(),
                t.attributes, t.revenue, t.margin()));
        return new Recorded(t, true);
    }

    /** One customer's transactions, newest first, optionally within [from, to). */
    @Transactional
    public Page<LedgerTransaction> list(UUID customerId, Instant from, Instant to, int page, int size) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.invalid("from", "must be before to");
        }
        Page.check(page, size, config.maxPageSize());
        String where = "customerId = :customer and occurredAt >= :from and occurredAt < :to";
        Map<String, Object> params = Map.of("customer", customerId, "from", from == null ? Instant.EPOCH : from,
                "to", to == null ? Instant.parse("9999-12-31T00:00:00Z") : to);
        var query = LedgerTransaction.<LedgerTransaction>find(where + " order by occurredAt desc, id", params);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    /** Adds the transaction to its customer's month and quarter, and to their first and last purchase. */
    private void addToTotals(LedgerTransaction t) {
        int purchase = t.refund ? 0 : 1;
        for (Period period : Period.containing(t.occurredAt, config.zone())) {
            em.createNativeQuery("""
                    INSERT INTO customer_period AS p (period, customer_id, revenue, cost, purchases, last_purchase_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, CASE WHEN ?5 = 1 THEN CAST(?6 AS timestamptz) END)
                    ON CONFLICT (period, customer_id) DO UPDATE SET
                        revenue = p.revenue + EXCLUDED.revenue,
                        cost = p.cost + EXCLUDED.cost,
                        purchases = p.purchases + EXCLUDED.purchases,
                        last_purchase_at = greatest(p.last_purchase_at, EXCLUDED.last_purchase_at)""")
                    .setParameter(1, period.name())
                    .setParameter(2, t.customerId)
                    .setParameter(3, t.revenue)
                    .setParameter(4, t.cost)
                    .setParameter(5, purchase)
                    .setParameter(6, t.occurredAt)
                    .executeUpdate();
        }
        if (!t.refund) {
            CustomerSegment.update("""
                    firstPurchaseAt = least(coalesce(firstPurchaseAt, ?2), ?2),
                    lastPurchaseAt = greatest(coalesce(lastPurchaseAt, ?2), ?2) where customerId = ?1""",
                    t.customerId, t.occurredAt);
        }
    }

    /** Rules bean validation cannot express: the currency, its decimals, and the sign of quantities. */
    private void validate(RecordTransaction request) {
        Currency currency = money.currency(request.currency(), "currency");
        for (int i = 0; i < request.lines().size(); i++) {
            RecordTransaction.Line line = request.lines().get(i);
            String at = "lines[" + i + "].";
            if (line.quantity().signum() == 0) {
                throw ProblemException.invalid(at + "quantity", "must not be zero");
            }
            if (line.quantity().signum() < 0 && !request.refund()) {
                throw ProblemException.invalid(at + "quantity", "is negative but the transaction is not a refund");
            }
            if (line.quantity().signum() > 0 && request.refund()) {
                throw ProblemException.invalid(at + "quantity", "must be negative on a refund");
            }
            money.requireAmount(line.unitPrice(), currency, at + "unitPrice");
            money.requireAmount(line.unitCost(), currency, at + "unitCost");
        }
    }

    private static BigDecimal sum(List<RecordTransaction.Line> lines, boolean price) {
        return lines.stream()
                .map(l -> l.quantity().multiply(price ? l.unitPrice() : l.unitCost()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

}
