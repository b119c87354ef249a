package crm.experience.service;

import crm.db.AdvisoryLock;
import crm.experience.domain.Journey;
import crm.experience.domain.JourneyVersion;
import crm.experience.domain.TouchPoint;
import crm.rest.Page;
import crm.rest.Problem;
import crm.rest.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Journeys and their versions. Other rules ask here whether a journey exists and how it is set. */
@ApplicationScoped
public class JourneyService {
    private final EntityManager em;
    private final AgroalDataSource db;
    private final Map<UUID, JourneyVersion> versions = new ConcurrentHashMap<>();

    public JourneyService(EntityManager em, AgroalDataSource db) {
        this.em = em;
        this.db = db;
    }

    /** The journey written, and whether this request wrote it (false: it equals the latest version). */
    public record Revision(Journey journey, boolean created) {
    }

    @Transactional
    public Journey create(DefineJourney request) {
        if (request.code() == null) {
            throw ProblemException.invalid("code", "must not be blank");
        }
        validate(request);
        // Writers of one journey code queue up, so two versions never get the same number.
        AdvisoryLock.of("journey", request.code()).holdUntilCommit(db);
        if (Journey.latest(request.code()).isPresent()) {
            throw ProblemException.conflict("code", "a journey " + request.code() + " already exists; PUT a new version");
        }
        return write(request.code(), 1, request);
    }

    /** A new version, unless the request equals the latest version (a retry), which is answered as it is. */
    @Transactional
    public Revision revise(String code, DefineJourney request) {
        if (request.code() != null && !request.code().equals(code)) {
            throw ProblemException.invalid("code", "must equal the journey code in the path, " + code);
        }
        validate(request);
        AdvisoryLock.of("journey", code).holdUntilCommit(db);
        Journey latest = latest(code);
        if (sameAs(latest, request)) {
            return new Revision(latest, false);
        }
        return new Revision(write(code, latest.version + 1, request), true);
    }

    /** The latest version; 404 if there is no such journey. */
    @Transactional
    public Journey latest(String code) {
        return Journey.latest(code).orElseThrow(() -> ProblemException.notFound("No journey " + code));
    }

    @Transactional
    public Journey version(String code, int version) {
        return Journey.version(code, version)
                .orElseThrow(() -> ProblemException.notFound("Journey " + code + " has no version " + version));
    }

    /** The touch points of every version of a journey, for its analyses; 404 if there is no such journey. */
    @Transactional
    Steps steps(String code) {
        List<Journey> versions = Journey.list("code = ?1 order by version desc", code);
        if (versions.isEmpty()) {
            throw ProblemException.notFound("No journey " + code);
        }
        return Steps.of(versions);
    }

    /** The latest version of every journey, by code. */
    @Transactional
    public Page<Journey> list(int page, int size) {
        var query = Journey.<Journey>find("from Journey j where j.version = "
                + "(select max(k.version) from Journey k where k.code = j.code) order by j.code");
        return Page.of(page, size, query.count(), () -> query.page(page, size).list());
    }

    /** A version by its id; versions never change, so each is read from the database once. */
    JourneyVersion version(UUID id) {
        return versions.computeIfAbsent(id, key -> JourneyVersion.of(em.find(Journey.class, key)));
    }

    /** The latest version of a journey, or 400 naming {@code journeyCode}. */
    @Transactional(Transactional.TxType.MANDATORY)
    JourneyVersion latestVersion(String code) {
        return version(latestId(code).orElseThrow(() -> ProblemException.invalid("journeyCode", "no journey " + code)));
    }

    /** 400 naming {@code journeyCode} unless the journey exists. */
    @Transactional
    public void requireJourney(String code) {
        latestVersion(code);
    }

    /** Whether the journey's latest version opens complaints by itself; 404 naming {@code journeyCode} if unknown. */
    @Transactional
    public boolean autoComplaints(String journeyCode) {
        return version(latestId(journeyCode).orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND,
                "No journey " + journeyCode, List.of(new Problem.FieldError("journeyCode", "no journey " + journeyCode)))))
                .autoComplaints();
    }

    private Optional<UUID> latestId(String code) {
        List<?> ids = em.createNativeQuery("SELECT id FROM journey WHERE code = ?1 ORDER BY version DESC LIMIT 1")
                .setParameter(1, code).getResultList();
        return ids.stream().map(UUID.class::cast).findFirst();
    }

    private static void validate(DefineJourney request) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < request.touchPoints().size(); i++) {
            if (!codes.add(request.touchPoints().get(i).code())) {
                throw ProblemException.invalid("touchPoints[" + i + "].code",
                        "repeats " + request.touchPoints().get(i).code() + "; touch-point codes are unique in a journey");
            }
        }
    }

    private static Journey write(String code, int version, DefineJourney request) {
        Journey journey = new Journey();
        journey.id = UUID.randomUUID();
        journey.code = code;
        journey.version = version;
        journey.name = request.name().strip();
        journey.autoComplaints = request.autoComplaintsOrDefault();
        journey.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        journey.touchPoints = new ArrayList<>(request.touchPoints().stream().map(JourneyService::touchPoint).toList());
        journey.persist();
        return journey;
    }

    private static TouchPoint touchPoint(DefineJourney.Step step) {
        TouchPoint t = new TouchPoint();
        t.code = step.code();
        t.name = step.name().strip();
        t.channel = step.channel();
        t.need = step.need();
        t.brandType = step.brandType();
        return t;
    }

    private static boolean sameAs(Journey journey, DefineJourney request) {
        if (!journey.name.equals(request.name().strip()) || journey.autoComplaints != request.autoComplaintsOrDefault()
                || journey.touchPoints.size() != request.touchPoints().size()) {
            return false;
        }
        for (int i = 0; i < journey.touchPoints.size(); i++) {
            TouchPoint t = journey.touchPoints.get(i);
            DefineJourney.Step s = request.touchPoints().get(i);
            if (!t.code.equals(s.code()) || !t.name.equals(s.name().strip()) || t.channel != s.channel()
                    || t.need != s.need() || t.brandType != s.brandType()) {
                return false;
            }
        }
        return true;
    }
}
