package crm.experience.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import crm.db.IdempotencyKeys;
import crm.events.experience.ComplaintOpened;
import crm.events.experience.ComplaintResolved;
import crm.events.experience.ExperienceEvents;
import crm.events.outbox.Outbox;
import crm.experience.config.ComplaintConfig;
import crm.experience.domain.Complaint;
import crm.experience.domain.ComplaintSource;
import crm.experience.domain.ComplaintStatus;
import crm.experience.domain.ComplaintTransition;
import crm.experience.domain.JourneyVersion;
import crm.experience.domain.Severity;
import crm.rest.Page;
import crm.rest.Problem;
import crm.rest.ProblemException;
import crm.rest.RequestHash;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Complaints and service recovery: opens them (by a customer or the closed loop), moves them
 * through {@link ComplaintStatus}, keeps their history, publishes ComplaintOpened and, at CLOSED,
 * ComplaintResolved.
 */
@ApplicationScoped
public class ComplaintService {
    private static final String KEY_SCOPE = "complaint";

    private final Outbox outbox;
    private final ComplaintConfig config;
    private final ObjectMapper json;
    private final IdempotencyKeys keys;
    private final JourneyService journeys;
    private final ComplaintStore store;
    private final CustomerPrivacy privacy;

    public ComplaintService(Outbox outbox, ComplaintConfig config, ObjectMapper json, IdempotencyKeys keys,
            JourneyService journeys, ComplaintStore store, CustomerPrivacy privacy) {
        this.outbox = outbox;
        this.config = config;
        this.json = json;
        this.keys = keys;
        this.journeys = journeys;
        this.store = store;
        this.privacy = privacy;
    }

    /** The complaint, and whether this request opened it (false: a retry under the same Idempotency-Key). */
    public record Opened(Complaint complaint, boolean created) {
    }

    /**
     * {@code by}: the caller's name, kept as who opened it. A complaint names its customer and describes what
     * happened to them: for a customer erased here it is refused (410), a retry of an earlier one included. One
     * naming a merged id is the survivor's; its Idempotency-Key fingerprint keeps the id as sent, so a retry of a
     * request sent before the merge is still the same request.
     */
    @Transactional
    public Opened open(OpenComplaint request, String idempotencyKey, String by) {
        CustomerPrivacy.Current customer = privacy.currentForWrite(request.customerId());
        if (customer.erased()) {
            throw CustomerPrivacy.gone(request.customerId());
        }
        requireTouchPoint(request.journeyCode(), request.touchPointCode());
        if (idempotencyKey != null) {
            Optional<UUID> earlier = keys.claim(KEY_SCOPE, idempotencyKey, RequestHash.sha256(json, request));
            if (earlier.isPresent()) {
                return new Opened(Complaint.findById(earlier.get()), false);
            }
        }
        Complaint c = new Complaint();
        c.source = ComplaintSource.CUSTOMER;
        c.customerId = customer.customerId();
        c.visitId = request.visitId();
        c.journeyCode = request.journeyCode();
        c.touchPointCode = request.touchPointCode();
        c.severity = request.severity();
        c.channel = request.channel();
        c.description = request.description().strip();
        c.ownerId = request.ownerId();
        c.openedBy = by;
        Complaint opened = open(c);
        if (idempotencyKey != null) {
            keys.made(KEY_SCOPE, idempotencyKey, opened.id);
        }
        return new Opened(opened, true);
    }

    /** The complaint opened from this source, if any: automatic complaints are opened once per source. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Complaint> from(ComplaintSource source, String sourceKey) {
        return Complaint.find("source = ?1 and sourceKey = ?2", source, sourceKey).firstResultOptional();
    }

    /**
     * Opens a complaint whose source, customer and details the caller has set, once per source and
     * source key: if that source opened one before (a retry, or a concurrent request), that one stands.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Complaint open(Complaint c) {
        c.id = UUID.randomUUID();
        c.status = ComplaintStatus.OPEN;
        c.openedAt = now();
        c.respondBy = c.openedAt.plus(deadline(c.severity));
        Outbox.Staged event = outbox.stage(ExperienceEvents.COMPLAINT_OPENED, List.of(new Outbox.Message<>(key(c),
                new ComplaintOpened(c.id, c.customerId, c.visitId, c.journeyCode, c.touchPointCode, c.severity.name(),
                        c.channel == null ? null : c.channel.name(), c.source.name(), c.ownerId, c.openedAt,
                        c.respondBy))), List.of(c.id));
        if (store.open(c, event)) {
            return c;
        }
        return from(c.source, c.sourceKey).orElseThrow();
    }

    /**
     * The next step of service recovery, taken by {@code actor} (the caller's name); anything but the
     * next status is a 409. Acknowledging an unowned complaint makes the actor its owner: who
     * apologises follows it through.
     */
    @Transactional
    public Complaint move(UUID id, MoveComplaint move, String actor) {
        Complaint c = Complaint.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("No complaint " + id);
        }
        boolean closing = move.to() == ComplaintStatus.CLOSED;
        if (closing && move.outcome() == null) {
            throw ProblemException.invalid("outcome", "is required when closing: RECOVERED, AT_RISK or LOST");
        }
        if (!closing && move.outcome() != null) {
            throw ProblemException.invalid("outcome", "is given only when closing");
        }
        if (move.to() == ComplaintStatus.RESOLVED && (move.note() == null || move.note().isBlank())) {
            throw ProblemException.invalid("note", "must say what was done when resolving");
        }
        if (!c.status.canMoveTo(move.to())) {
            throw new ProblemException(Response.Status.CONFLICT, "A complaint cannot go from " + c.status + " to "
                    + move.to() + "; the steps are OPEN, ACKNOWLEDGED, RESOLVED, CLOSED",
                    List.of(new Problem.FieldError("to", "illegal transition from " + c.status + " to " + move.to())));
        }
        Instant now = now();
        switch (move.to()) {
            case ACKNOWLEDGED -> {
                c.acknowledgedAt = now;
                c.ownerId = c.ownerId == null ? actor : c.ownerId;
            }
            case RESOLVED -> c.resolvedAt = now;
            case CLOSED -> {
                c.closedAt = now;
                c.outcome = move.outcome();
            }
            case OPEN -> throw new IllegalStateException("nothing moves back to OPEN");
        }
        ComplaintStatus from = c.status;
        c.status = move.to();
        record(c, from, move.note(), actor, now);
        if (closing) {
            outbox.publish(ExperienceEvents.COMPLAINT_RESOLVED, key(c), new ComplaintResolved(c.id, c.customerId,
                    c.journeyCode, c.touchPointCode, c.severity.name(), c.source.name(), c.outcome.name(), c.openedAt,
                    c.acknowledgedAt, c.resolvedAt, c.closedAt));
        }
        return c;
    }

    /** A complaint with its history, oldest step first. */
    public record WithHistory(Complaint complaint, List<ComplaintTransition> history) {
    }

    @Transactional
    public WithHistory get(UUID id) {
        Complaint c = Complaint.findById(id);
        if (c == null) {
            throw ProblemException.notFound("No complaint " + id);
        }
        return new WithHistory(c, ComplaintTransition.list("complaintId", Sort.by("id"), id));
    }

    /**
     * Complaints matching every filter given, newest first; the overdue ones (not acknowledged by
     * their deadline) most overdue first.
     */
    @Transactional
    public Page<Complaint> list(ComplaintStatus status, UUID customerId, String ownerId, Boolean overdue, int page,
            int size) {
        Page.check(page, size, config.maxPageSize());
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.add("status = :status");
            params.put("status", status);
        }
        if (customerId != null) {
            where.add("customerId = :customer");
            params.put("customer", customerId);
        }
        if (ownerId != null) {
            where.add("ownerId = :owner");
            params.put("owner", ownerId);
        }
        if (overdue != null) {
            where.add((overdue ? "" : "not ") + "(status = :open and respondBy < :now)");
            params.put("open", ComplaintStatus.OPEN);
            params.put("now", now());
        }
        Sort sort = Boolean.TRUE.equals(overdue) ? Sort.by("respondBy").and("id") : Sort.descending("openedAt").and("id");
        var query = Complaint.<Complaint>find(where.isEmpty() ? "from Complaint" : String.join(" and ", where), sort, params);
        return Page.of(page, size, query.count(), () -> query.page(page, size).list());
    }

    /** A journey named must exist, and a touch point must be one of its latest version. */
    private void requireTouchPoint(String journeyCode, String touchPointCode) {
        if (journeyCode == null) {
            if (touchPointCode != null) {
                throw ProblemException.invalid("journeyCode", "is required with a touchPointCode");
            }
            return;
        }
        JourneyVersion journey = journeys.latestVersion(journeyCode);
        if (touchPointCode != null && journey.position(touchPointCode) < 0) {
            throw ProblemException.invalid("touchPointCode", "is not a touch point of journey " + journeyCode);
        }
    }

    private Duration deadline(Severity severity) {
        ComplaintConfig.ResponseDeadline deadline = config.responseDeadline();
        return switch (severity) {
            case CRITICAL -> deadline.critical();
            case HIGH -> deadline.high();
            case MEDIUM -> deadline.medium();
            case LOW -> deadline.low();
        };
    }

    private static void record(Complaint c, ComplaintStatus from, String note, String actor, Instant at) {
        ComplaintTransition step = new ComplaintTransition();
        step.complaintId = c.id;
        step.fromStatus = from;
        step.toStatus = c.status;
        step.note = note == null || note.isBlank() ? null : note.strip();
        step.actor = actor;
        step.at = at;
        step.persist();
    }

    /** Events are keyed by customer; a complaint without one by its own id. */
    private static UUID key(Complaint c) {
        return c.customerId != null ? c.customerId : c.id;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
