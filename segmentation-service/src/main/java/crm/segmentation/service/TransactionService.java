package crm.segmentation.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import crm.events.TimeOrderedIds;
import crm.events.outbox.Outbox;
import crm.events.transaction.TransactionEvents;
import crm.events.transaction.TransactionRecorded;
import crm.rest.Page;
import crm.rest.Problem;
import crm.rest.ProblemException;
import crm.rest.RequestHash;
import crm.segmentation.config.SegmentationConfig;
import crm.segmentation.domain.LedgerTransaction;
import crm.segmentation.domain.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.jpa.HibernateHints;

/**
 * The ledger: records each sale or refund once, keeps the month totals the pyramid is cut
 * from, and publishes TransactionRecorded. A single request and a batch take the same path: the
 * requests as one set, written in one statement whatever their number (single requests are
 * gathered into sets by {@link GroupCommit}). That statement is the
 * database transaction (all or nothing, committed as it answers), so recording opens none around it:
 * a JTA transaction would add a round trip for its commit, and its bookkeeping, to every request.
 */
@ApplicationScoped
public class TransactionService {
    /** How many merges, one after the other, a sale may follow while it is recorded. */
    private static final int MERGE_ROUNDS = 3;

    private final Outbox outbox;
    private final ObjectMapper json;
    private final SegmentationConfig config;
    private final Money money;
    private final LedgerStore store;
    private final PrivacyStore privacy;

    public TransactionService(Outbox outbox, ObjectMapper json, SegmentationConfig config, Money money,
            LedgerStore store, PrivacyStore privacy) {
        this.outbox = outbox;
        this.json = json;
        this.config = config;
        this.money = money;
        this.store = store;
        this.privacy = privacy;
    }

    /** The transaction recorded, and whether this request recorded it (false: a retry of an earlier one). */
    public record Recorded(LedgerTransaction transaction, boolean created) {
    }

    /** What became of one request of a set: recorded (by it or earlier), or refused, having written nothing. */
    public record Result(Recorded recorded, ProblemException problem) {
    }

    private record Key(String source, String externalId) {
        static Key of(LedgerTransaction t) {
            return new Key(t.source, t.externalId);
        }
    }

    /**
     * Records requests that passed bean validation in one database transaction: a result per
     * request, in request order. A refused request writes nothing and does not stop the others.
     * Requests sharing a key (source + externalId): the first decides; a later one with the same
     * content shares its result (a retry), one with other content is a conflict. A customer not heard of
     * yet is known, unconfirmed, from their first sale (customer-service's event may still be on its way);
     * a sale naming a customer merged away is recorded for the survivor, in a second statement of its own.
     * Runs on request threads and on {@link GroupCommit}'s writers alike.
     */
    @ActivateRequestContext
    public List<Result> recordAll(List<RecordTransaction> requests) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Result[] results = new Result[requests.size()];
        LedgerTransaction[] proposed = new LedgerTransaction[requests.size()];
        Map<Key, LedgerTransaction> first = new HashMap<>();
        List<LedgerTransaction> candidates = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            try {
                proposed[i] = propose(requests.get(i), now);
            } catch (ProblemException e) {
                results[i] = new Result(null, e);
                continue;
            }
            if (first.putIfAbsent(Key.of(proposed[i]), proposed[i]) == null) {
                candidates.add(proposed[i]);
            }
        }
        Set<UUID> inserted = new HashSet<>(candidates.isEmpty() ? Set.of() : write(candidates, now));
        List<LedgerTransaction> notInserted = candidates.stream().filter(t -> !inserted.contains(t.id)).toList();
        // A sale naming a customer merged away goes to the survivor; a merge meanwhile may move it once more.
        for (int round = 0; round < MERGE_ROUNDS && !notInserted.isEmpty(); round++) {
            Map<UUID, UUID> survivors = privacy.survivorsOf(notInserted.stream().map(t -> t.customerId).collect(Collectors.toSet()));
            List<LedgerTransaction> moved = notInserted.stream().filter(t -> survivors.containsKey(t.customerId)).toList();
            if (moved.isEmpty()) {
                break;
            }
            moved.forEach(t -> t.customerId = survivors.get(t.customerId));
            inserted.addAll(write(moved, now));
            notInserted = notInserted.stream().filter(t -> !inserted.contains(t.id)).toList();
        }
        Map<Key, LedgerTransaction> earlier = earlier(notInserted);
        Set<UUID> erased = notInserted.isEmpty() ? Set.of()
                : privacy.erasedAmong(notInserted.stream().map(t -> t.customerId).collect(Collectors.toSet()));
        for (int i = 0; i < requests.size(); i++) {
            LedgerTransaction t = proposed[i];
            if (t != null) {
                LedgerTransaction decider = first.get(Key.of(t));
                LedgerTransaction row = inserted.contains(decider.id) ? decider : earlier.get(Key.of(t));
                results[i] = result(t, decider, row, erased);
            }
        }
        return List.of(results);
    }

    /** Writes the candidates that are new, their totals and their events, in one round trip; returns their ids. */
    private Set<UUID> write(List<LedgerTransaction> candidates, Instant now) {
        Outbox.Staged events = outbox.stage(TransactionEvents.RECORDED, candidates.stream()
                .map(t -> new Outbox.Message<>(t.customerId, event(t))).toList(), candidates.stream().map(t -> t.id).toList());
        return store.record(candidates, t -> Period.monthOf(t.occurredAt, config.zone()).name(), events, now);
    }

    /**
     * {@code row}: the ledger's transaction under the key, if any; {@code decider}: the set's first request with it;
     * {@code erased}: the customers among those not written who were erased here.
     */
    private static Result result(LedgerTransaction t, LedgerTransaction decider, LedgerTransaction row, Set<UUID> erased) {
        if (row == t) {
            return new Result(new Recorded(t, true), null);
        }
        if (row != null && row.requestHash.equals(t.requestHash)) {
            return new Result(new Recorded(row, false), null);
        }
        if (row != null) {
            return new Result(null, ProblemException.conflict("externalId", "source " + t.source + " already recorded "
                    + t.externalId + " with different content"));
        }
        if (!decider.requestHash.equals(t.requestHash)) {
            return new Result(null, ProblemException.conflict("externalId", "an earlier item has source " + t.source
                    + " and externalId " + t.externalId + " with different content"));
        }
        if (erased.contains(t.customerId)) {
            return new Result(null, gone(t.customerId));
        }
        return new Result(null, ProblemException.conflict("customerId", "customer " + t.customerId
                + " was merged into another while the sale was recorded; send it again"));
    }

    /** 410 for personal data about a customer erased here, naming the field. */
    static ProblemException gone(UUID customerId) {
        return new ProblemException(Response.Status.GONE, "Customer " + customerId + " was erased",
                List.of(new Problem.FieldError("customerId", "names a customer who was erased")));
    }

    /** The ledger's transactions under these keys (taken before, or by a concurrent writer meanwhile). */
    private static Map<Key, LedgerTransaction> earlier(List<LedgerTransaction> notInserted) {
        if (notInserted.isEmpty()) {
            return Map.of();
        }
        Set<Key> keys = notInserted.stream().map(Key::of).collect(Collectors.toSet());
        return LedgerTransaction.<LedgerTransaction>find("source in ?1 and externalId in ?2",
                        notInserted.stream().map(t -> t.source).distinct().toList(),
                        notInserted.stream().map(t -> t.externalId).distinct().toList())
                .withHint(HibernateHints.HINT_READ_ONLY, true).list().stream()
                .filter(t -> keys.contains(Key.of(t)))
                .collect(Collectors.toMap(Key::of, t -> t));
    }

    /** The transaction the request asks for, not yet written; a ProblemException if it breaks a rule. */
    private LedgerTransaction propose(RecordTransaction request, Instant now) {
        validate(request);
        LedgerTransaction t = new LedgerTransaction();
        t.id = TimeOrderedIds.next();
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
        t.requestHash = RequestHash.sha256(json, request);
        t.recordedAt = now;
        return t;
    }

    /** The event: no line descriptions, and only the visit attributes configured to be published. */
    private TransactionRecorded event(LedgerTransaction t) {
        Map<String, String> attributes = new TreeMap<>();
        if (t.attributes != null) {
            t.attributes.forEach((key, value) -> {
                if (config.eventAttributes().contains(key)) {
                    attributes.put(key, value);
                }
            });
        }
        return new TransactionRecorded(t.id, t.customerId, t.source, t.externalId, t.occurredAt, t.store, t.channel,
                t.currency, t.lines.stream().map(l -> new TransactionRecorded.Line(l.sku(), l.category(), l.quantity(),
                        l.unitPrice(), l.unitCost())).toList(),
                attributes, t.revenue, t.margin());
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
        return Page.of(page, size, query.count(), () -> query.page(page, size).list());
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
