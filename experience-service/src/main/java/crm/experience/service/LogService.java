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

    public LogService(EntityManager em, Outbox outbox, Event<LogEntryRecorded> recorded, JourneyService journeys) {
        this.em = em;
        this.outbox = outbox;
        this.recorded = recorded;
        this.journeys = journeys;
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
        List<LogExperience.Located> entries = LogForms.entries(request);
        Locked locked = lockVisit(request, entries);
        Visit visit = locked.visit();
        Instant startedAt = visit.startedAt;
        JourneyVersion journey = journeys.version(visit.journeyId);
        requireSameVisit(visit, request);
        Map<String, LogEntry> earlier = locked.created() ? Map.of() : LogEntry.<LogEntry>list("visitId", visit.visitId)
                .stream().collect(Collectors.toMap(e -> e.touchPointCode, e -> e));
        List<Stored> result = new ArrayList<>();
        Map<String, String> inRequest = new HashMap<>();
        for (LogExperience.Located located : entries) {
            LogEntry entry = entry(request, located, journey);
            String first = inRequest.putIfAbsent(entry.touchPointCode, located.prefix());
            if (first != null) {
                throw ProblemException.invalid(located.field("touchPointCode"),
                        "repeats " + entry.touchPointCode + " of " + first.replaceFirst("\\.$", "") + "; one entry per touch point");
            }
            LogEntry stored = earlier.get(entry.touchPointCode);
            if (stored != null) {
                requireSameEntry(stored, entry, located, request);
            }
            result.add(stored != null ? new Stored(stored, false) : new Stored(entry, true));
        }
        store(result.stream().filter(Stored::created).map(Stored::entry).toList(), visit, journey);
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

    /** All entries first, so they go to the database as one batch; then their events, in one statement. */
    private void store(List<LogEntry> entries, Visit visit, JourneyVersion journey) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (LogEntry entry : entries) {
            entry.id = TimeOrderedIds.next();
            entry.visitId = visit.visitId;
            entry.recordedAt = now;
            entry.persist();
            if (entry.occurredAt.isBefore(visit.startedAt)) {
                visit.startedAt = entry.occurredAt;
            }
        }
        UUID key = visit.customerId != null ? visit.customerId : visit.visitId;
        outbox.publish(ExperienceEvents.LOGGED, entries.stream().map(entry -> new Outbox.Message<>(key,
                new ExperienceLogged(entry.id, visit.visitId, visit.customerId, visit.journeyCode,
                        entry.touchPointCode, entry.score, entry.occurredAt))).toList());
        for (LogEntry entry : entries) {
            recorded.fire(new LogEntryRecorded(entry.id, visit.visitId, visit.customerId, visit.journeyCode,
                    entry.touchPointCode, entry.score, entry.occurredAt, journey.autoComplaints()));
        }
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
