package crm.experience.service;

import crm.events.TimeOrderedIds;
import crm.events.experience.ExperienceEvents;
import crm.events.experience.ExperienceLogged;
import crm.events.outbox.Outbox;
import crm.experience.domain.JourneyVersion;
import crm.experience.domain.LogEntry;
import crm.experience.domain.Visit;
import crm.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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
 * published as ExperienceLogged and announced as {@link LogEntryRecorded} in the same transaction.
 */
@ApplicationScoped
public class LogService {
    private final EntityManager em;
    private final Outbox outbox;
    private final Event<LogEntryRecorded> recorded;
    private final JourneyService journeys;
    private final LogStore logStore;

    public LogService(EntityManager em, Outbox outbox, Event<LogEntryRecorded> recorded, JourneyService journeys,
            LogStore logStore) {
        this.em = em;
        this.outbox = outbox;
        this.recorded = recorded;
        this.journeys = journeys;
        this.logStore = logStore;
    }

    /** An entry of the request as stored, and whether this request stored it (false: a re-send). */
    public record Stored(LogEntry entry, boolean created) {
    }

    public record Logged(Visit visit, JourneyVersion journey, List<Stored> entries) {
        public boolean anyCreated() {
            return entries.stream().anyMatch(Stored::created);
        }
    }

    @Transactional
    public Logged log(LogExperience request) {
        List<LogExperience.Located> located = LogForms.entries(request);
        Locked locked = lockVisit(request, located);
        Visit visit = locked.visit();
        Instant startedAt = visit.startedAt;
        JourneyVersion journey = journeys.version(visit.journeyId);
        requireSameVisit(visit, request);
        List<LogEntry> sent = new ArrayList<>();
        Map<String, String> inRequest = new HashMap<>();
        for (LogExperience.Located l : located) {
            LogEntry entry = entry(request, l, journey);
            String first = inRequest.putIfAbsent(entry.touchPointCode, l.prefix());
            if (first != null) {
                throw ProblemException.invalid(l.field("touchPointCode"),
                        "repeats " + entry.touchPointCode + " of " + first.replaceFirst("\\.$", "") + "; one entry per touch point");
            }
            sent.add(entry);
        }
        Set<UUID> inserted = store(sent, visit);
        // A touch point the visit had an entry for already: a re-send must say what was stored.
        Map<String, LogEntry> earlier = inserted.size() == sent.size() ? Map.of()
                : LogEntry.<LogEntry>list("visitId", visit.visitId).stream()
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
        for (Stored stored : result) {
            LogEntry entry = stored.entry();
            if (stored.created()) {
                if (entry.occurredAt.isBefore(visit.startedAt)) {
                    visit.startedAt = entry.occurredAt;
                }
                recorded.fire(new LogEntryRecorded(entry.id, visit.visitId, visit.customerId, visit.journeyCode,
                        entry.touchPointCode, entry.score, entry.occurredAt, journey.autoComplaints()));
            }
        }
        // Only a new visit or an earlier start changes when the customer first visited.
        if (visit.customerId != null && (locked.created() || visit.startedAt.isBefore(startedAt))) {
            em.createNativeQuery("""
                    INSERT INTO customer_history AS h (customer_id, first_visit_at) VALUES (?1, ?2)
                    ON CONFLICT (customer_id) DO UPDATE SET first_visit_at = least(h.first_visit_at, EXCLUDED.first_visit_at)""")
                    .setParameter(1, visit.customerId).setParameter(2, visit.startedAt).executeUpdate();
        }
        return new Logged(visit, journey, result);
    }

    private record Locked(Visit visit, boolean created) {
    }

    /** The visit, locked so entries of one visit are recorded one request at a time; created on its first entry. */
    private Locked lockVisit(LogExperience request, List<LogExperience.Located> entries) {
        Visit visit = em.find(Visit.class, request.visitId(), LockModeType.PESSIMISTIC_WRITE);
        if (visit != null) {
            return new Locked(visit, false);
        }
        JourneyVersion journey = journeys.latestVersion(request.journeyCode());
        Instant start = entries.stream().map(e -> micros(e.entry().occurredAt())).min(Instant::compareTo).orElseThrow();
        // Two first requests for one visit at once: the second waits here for the first and then finds its visit.
        int created = em.createNativeQuery("""
                INSERT INTO visit (visit_id, journey_id, journey_code, customer_id, store, started_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (visit_id) DO NOTHING""")
                .setParameter(1, request.visitId()).setParameter(2, journey.id()).setParameter(3, journey.code())
                .setParameter(4, request.customerId()).setParameter(5, request.store()).setParameter(6, start)
                .executeUpdate();
        return new Locked(em.find(Visit.class, request.visitId(), LockModeType.PESSIMISTIC_WRITE), created == 1);
    }

    private static void requireSameVisit(Visit visit, LogExperience request) {
        if (!visit.journeyCode.equals(request.journeyCode())) {
            throw ProblemException.conflict("journeyCode", "visit " + visit.visitId + " is in journey " + visit.journeyCode);
        }
        if (!Objects.equals(visit.customerId, request.customerId())) {
            throw ProblemException.conflict("customerId", "visit " + visit.visitId + " is logged for customer "
                    + (visit.customerId == null ? "none (anonymous)" : visit.customerId));
        }
        if (!Objects.equals(visit.store, request.store())) {
            throw ProblemException.conflict("store", "visit " + visit.visitId + " is logged at store " + visit.store);
        }
    }

    private static LogEntry entry(LogExperience request, LogExperience.Located located, JourneyVersion journey) {
        LogExperience.Entry e = located.entry();
        int position = journey.position(e.touchPointCode());
        if (position < 0) {
            throw ProblemException.invalid(located.field("touchPointCode"), "is not a touch point of journey "
                    + journey.code() + " version " + journey.version());
        }
        LogEntry entry = new LogEntry();
        entry.touchPointCode = e.touchPointCode();
        entry.position = position;
        entry.score = e.score();
        entry.occurredAt = micros(e.occurredAt());
        entry.note = e.note() == null || e.note().isBlank() ? null : e.note().strip();
        entry.recordedBy = request.recordedBy();
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

    /**
     * Stores the entries for touch points the visit has none for yet, each with its ExperienceLogged,
     * in one statement; returns the ids stored.
     */
    private Set<UUID> store(List<LogEntry> entries, Visit visit) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (LogEntry entry : entries) {
            entry.id = TimeOrderedIds.next();
            entry.visitId = visit.visitId;
            entry.recordedAt = now;
        }
        UUID key = visit.customerId != null ? visit.customerId : visit.visitId;
        return logStore.insertNew(entries, outbox.stage(ExperienceEvents.LOGGED, entries.stream()
                .map(entry -> new Outbox.Message<>(key, new ExperienceLogged(entry.id, visit.visitId, visit.customerId,
                        visit.journeyCode, entry.touchPointCode, entry.score, entry.occurredAt))).toList(),
                entries.stream().map(entry -> entry.id).toList()));
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
