package crm.experience.service;

import crm.events.TimeOrderedIds;
import crm.events.experience.ExperienceEvents;
import crm.events.experience.ExperienceLogged;
import crm.events.outbox.Outbox;
import crm.experience.domain.Emotion;
import crm.experience.domain.JourneyVersion;
import crm.experience.domain.LogEntry;
import crm.experience.domain.VisitIds;
import crm.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Records experience entries: all of a request or nothing, one entry per visit and touch point, each
 * published as ExperienceLogged and announced as {@link LogEntryRecorded}. The common request, one
 * more entry of a visit under way, is one statement that is its own transaction; every other request,
 * and one that statement does not finish, takes a transaction that holds all its statements.
 */
@ApplicationScoped
public class LogService {
    private final EntityManager em;
    private final Outbox outbox;
    private final Event<LogEntryRecorded> recorded;
    private final JourneyService journeys;
    private final LogStore logStore;
    private final CustomerPrivacy privacy;

    public LogService(EntityManager em, Outbox outbox, Event<LogEntryRecorded> recorded, JourneyService journeys,
            LogStore logStore, CustomerPrivacy privacy) {
        this.em = em;
        this.outbox = outbox;
        this.recorded = recorded;
        this.journeys = journeys;
        this.logStore = logStore;
        this.privacy = privacy;
    }

    /** An entry of the request as stored, and whether this request stored it (false: a re-send). */
    public record Stored(LogEntry entry, boolean created) {
    }

    public record Logged(LogStore.StoredVisit visit, JourneyVersion journey, List<Stored> entries) {
        public boolean anyCreated() {
            return entries.stream().anyMatch(Stored::created);
        }
    }

    public Logged log(LogExperience request) {
        List<LogExperience.Located> located = LogForms.entries(request);
        requireOnePerTouchPoint(located);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (located.size() == 1 && located.get(0).entry().score() > Emotion.TERRIBLE.score) {
            LogEntry entry = entry(request, located.get(0).entry(), now);
            Logged alone = logAlone(request, located.get(0), entry, now, stage(request, List.of(entry)));
            if (alone != null) {
                return alone;
            }
        }
        return logInTransaction(request, now);
    }

    /**
     * One entry that opens no complaint, written by one statement that is its own transaction: only
     * if its visit exists as the request says, has no entry for its touch point yet and started no
     * later than it (so the visit and the customer's first visit stay as they are). Otherwise nothing
     * is written and the answer is null. No visit names an erased customer, so their entries never
     * take this way (an erasure locks the customer's visits while it unlinks them); nor a merged id once
     * its merge is applied (the merge re-keys that id's visits under the same row locks).
     */
    private Logged logAlone(LogExperience request, LogExperience.Located located, LogEntry entry, Instant now,
            Outbox.Staged events) {
        LogStore.Written written = write(request, List.of(entry), now, events, true);
        if (written.inserted().isEmpty()) {
            return null;
        }
        LogStore.StoredVisit visit = written.visit();
        JourneyVersion journey = journeys.version(visit.journeyId());
        entry.position = position(journey, located);
        announce(visit, journey, entry);
        return new Logged(visit, journey, List.of(new Stored(entry, true)));
    }

    /**
     * Entries naming a merged id are the survivor's; an erased customer's are stored {@link LogExperience#unlinked},
     * as an anonymous guest's.
     */
    @Transactional
    Logged logInTransaction(LogExperience asSent, Instant now) {
        CustomerPrivacy.Current customer = asSent.customerId() == null ? null
                : privacy.currentForWrite(asSent.customerId());
        LogExperience request = customer == null ? asSent
                : customer.erased() ? asSent.unlinked() : asSent.forCustomer(customer.customerId());
        List<LogExperience.Located> located = LogForms.entries(request);
        List<LogEntry> sent = located.stream().map(l -> entry(request, l.entry(), now)).toList();
        Outbox.Staged events = stage(request, sent);
        LogStore.Written written = write(request, sent, now, events, false);
        boolean visitCreated = false;
        if (written.visit() == null) {
            visitCreated = createVisit(request, sent);
            written = write(request, sent, now, events, false);
        }
        LogStore.StoredVisit visit = written.visit();
        if (visit == null) {
            throw new IllegalStateException("Visit " + request.visitId() + " was created but not found");
        }
        requireSameVisit(visit, request);
        JourneyVersion journey = journeys.version(visit.journeyId());
        for (int i = 0; i < sent.size(); i++) {
            sent.get(i).position = position(journey, located.get(i));
        }
        Set<UUID> inserted = written.inserted();
        // A touch point the visit had an entry for already: a re-send must say what was stored.
        Map<String, LogEntry> earlier = inserted.size() == sent.size() ? Map.of()
                : LogEntry.<LogEntry>list("visitId", visit.visitId()).stream()
                        .collect(Collectors.toMap(e -> e.touchPointCode, e -> e));
        List<Stored> result = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            LogEntry entry = sent.get(i);
            if (inserted.contains(entry.id)) {
                result.add(new Stored(entry, true));
            } else {
                LogEntry stored = earlier.get(entry.touchPointCode);
                requireSameEntry(stored, entry, located.get(i), request);
                result.add(new Stored(stored, false));
            }
        }
        // The request holds together: only now do its new entries move the visit's start and go on.
        Instant startedAt = visit.startedAt();
        for (Stored stored : result) {
            LogEntry entry = stored.entry();
            if (stored.created()) {
                if (entry.occurredAt.isBefore(startedAt)) {
                    startedAt = entry.occurredAt;
                }
                announce(visit, journey, entry);
            }
        }
        boolean moved = startedAt.isBefore(visit.startedAt());
        if (moved) {
            em.createNativeQuery("UPDATE visit SET started_at = ?1 WHERE visit_id = ?2")
                    .setParameter(1, startedAt).setParameter(2, visit.visitId()).executeUpdate();
        }
        // Only a new visit or an earlier start changes when the customer first visited.
        if (visit.customerId() != null && (visitCreated || moved)) {
            em.createNativeQuery("""
                    INSERT INTO customer_history AS h (customer_id, first_visit_at) VALUES (?1, ?2)
                    ON CONFLICT (customer_id) DO UPDATE SET first_visit_at = least(h.first_visit_at, EXCLUDED.first_visit_at)""")
                    .setParameter(1, visit.customerId()).setParameter(2, startedAt).executeUpdate();
        }
        return new Logged(visit, journey, result);
    }

    /** Locks the visit and writes the entries it takes, with their events; no visit: nothing written. */
    private LogStore.Written write(LogExperience request, List<LogEntry> sent, Instant now, Outbox.Staged events,
            boolean fromStart) {
        return logStore.write(request.visitId(), request.journeyCode(), request.customerId(), request.store(), sent,
                request.recordedBy(), now, events, fromStart);
    }

    private void announce(LogStore.StoredVisit visit, JourneyVersion journey, LogEntry entry) {
        recorded.fire(new LogEntryRecorded(entry.id, visit.visitId(), visit.customerId(), visit.journeyCode(),
                entry.touchPointCode, entry.score, entry.occurredAt, journey.autoComplaints()));
    }

    /** Each entry's ExperienceLogged, keyed by the customer (the visit when anonymous). */
    private Outbox.Staged stage(LogExperience request, List<LogEntry> sent) {
        UUID key = request.customerId() != null ? request.customerId() : VisitIds.subject(request.visitId());
        return outbox.stage(ExperienceEvents.LOGGED, sent.stream()
                .map(entry -> new Outbox.Message<>(key, new ExperienceLogged(entry.id, request.visitId(),
                        request.customerId(), request.journeyCode(), entry.touchPointCode, entry.score,
                        entry.occurredAt))).toList(),
                sent.stream().map(entry -> entry.id).toList());
    }

    /**
     * A visit's first entry creates it, in the journey's latest version; true if this request created
     * it. Two first requests for one visit at once: the second waits here for the first, then finds its visit.
     */
    private boolean createVisit(LogExperience request, List<LogEntry> entries) {
        JourneyVersion journey = journeys.latestVersion(request.journeyCode());
        Instant start = entries.stream().map(e -> e.occurredAt).min(Instant::compareTo).orElseThrow();
        return em.createNativeQuery("""
                INSERT INTO visit (visit_id, journey_id, journey_code, customer_id, store, started_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (visit_id) DO NOTHING""")
                .setParameter(1, request.visitId()).setParameter(2, journey.id()).setParameter(3, journey.code())
                .setParameter(4, request.customerId()).setParameter(5, request.store()).setParameter(6, start)
                .executeUpdate() == 1;
    }

    /** One entry per touch point in a request. */
    private static void requireOnePerTouchPoint(List<LogExperience.Located> located) {
        Map<String, String> seen = new HashMap<>();
        for (LogExperience.Located l : located) {
            String code = l.entry().touchPointCode();
            String first = seen.putIfAbsent(code, l.prefix());
            if (first != null) {
                throw ProblemException.invalid(l.field("touchPointCode"),
                        "repeats " + code + " of " + first.replaceFirst("\\.$", "") + "; one entry per touch point");
            }
        }
    }

    private static void requireSameVisit(LogStore.StoredVisit visit, LogExperience request) {
        if (!visit.journeyCode().equals(request.journeyCode())) {
            throw ProblemException.conflict("journeyCode", "visit " + visit.visitId() + " is in journey "
                    + visit.journeyCode());
        }
        if (!Objects.equals(visit.customerId(), request.customerId())) {
            throw ProblemException.conflict("customerId", "visit " + visit.visitId() + " is logged for customer "
                    + (visit.customerId() == null ? "none (anonymous)" : visit.customerId()));
        }
        if (!Objects.equals(visit.store(), request.store())) {
            throw ProblemException.conflict("store", "visit " + visit.visitId() + " is logged at store " + visit.store());
        }
    }

    /** The position of the entry's touch point in the visit's journey version; 400 naming the field if it has none. */
    private static int position(JourneyVersion journey, LogExperience.Located located) {
        int position = journey.position(located.entry().touchPointCode());
        if (position < 0) {
            throw ProblemException.invalid(located.field("touchPointCode"), "is not a touch point of journey "
                    + journey.code() + " version " + journey.version());
        }
        return position;
    }

    private static LogEntry entry(LogExperience request, LogExperience.Entry e, Instant now) {
        LogEntry entry = new LogEntry();
        entry.id = TimeOrderedIds.next();
        entry.visitId = request.visitId();
        entry.touchPointCode = e.touchPointCode();
        entry.score = e.score();
        entry.occurredAt = micros(e.occurredAt());
        entry.note = e.note() == null || e.note().isBlank() ? null : e.note().strip();
        entry.recordedBy = request.recordedBy();
        entry.recordedAt = now;
        return entry;
    }

    /** A re-send must say what was stored; anything else contradicts it. */
    private static void requireSameEntry(LogEntry stored, LogEntry sent, LogExperience.Located located,
            LogExperience request) {
        String field = stored.score != sent.score ? located.field("score")
                : !stored.occurredAt.equals(sent.occurredAt) ? located.field("occurredAt")
                : !Objects.equals(stored.note, sent.note) ? located.field("note")
                : stored.recordedBy != sent.recordedBy ? "recordedBy" : null;
        if (field != null) {
            throw ProblemException.conflict(field, "visit " + request.visitId() + " already has a different entry for "
                    + stored.touchPointCode);
        }
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
