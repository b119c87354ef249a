package crm.experience.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.db.AdvisoryLock;
import crm.db.IdempotencyKeys;
import crm.events.experience.ExperienceEvents;
import crm.events.experience.SurveyAnswered;
import crm.events.outbox.Outbox;
import crm.experience.domain.ComplaintSource;
import crm.experience.domain.Question;
import crm.experience.domain.QuestionRole;
import crm.experience.domain.QuestionType;
import crm.experience.domain.Survey;
import crm.experience.domain.SurveyResponse;
import crm.rest.Problem;
import crm.rest.ProblemException;
import crm.rest.RequestHash;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Records survey responses: answers checked against the questions, once per responseId or
 * Idempotency-Key, SurveyAnswered through the outbox, and the closed loop for levels 1-2.
 */
@ApplicationScoped
public class SurveyResponses {
    private static final String KEY_SCOPE = "survey response";
    /** How far ahead of this server's clock a client's answeredAt may be. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final SurveyService surveys;
    private final ComplaintService complaints;
    private final AutoComplaints autoComplaints;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final IdempotencyKeys keys;
    private final AgroalDataSource db;
    private final CustomerPrivacy privacy;

    public SurveyResponses(SurveyService surveys, ComplaintService complaints, AutoComplaints autoComplaints,
            Outbox outbox, ObjectMapper json, IdempotencyKeys keys, AgroalDataSource db, CustomerPrivacy privacy) {
        this.surveys = surveys;
        this.complaints = complaints;
        this.autoComplaints = autoComplaints;
        this.outbox = outbox;
        this.json = json;
        this.keys = keys;
        this.db = db;
        this.privacy = privacy;
    }

    /** The response, whether this request recorded it (false: a retry), and the complaint it opened. */
    public record Answered(SurveyResponse response, boolean created, UUID complaintId) {
    }

    /** What a retry must repeat: the survey and the request, whatever the order of its answers. */
    private record Fingerprint(UUID surveyId, AnswerSurvey request) {

        static String of(ObjectMapper json, UUID surveyId, AnswerSurvey r) {
            return RequestHash.sha256(json, new Fingerprint(surveyId, new AnswerSurvey(r.responseId(), r.customerId(),
                    r.visitId(), r.answeredAt(), new TreeMap<>(r.answers()), r.comment())));
        }
    }

    /**
     * A response naming a merged id is the survivor's; its fingerprint keeps the id as sent, so a retry of a
     * request sent before the merge is still the same request. A customer erased here answers as an anonymous
     * guest ({@link AnswerSurvey#unlinked}): the scores count in the results, nothing personal is stored, not even
     * in the request's fingerprint.
     */
    @Transactional
    public Answered answer(UUID surveyId, AnswerSurvey asSent, String idempotencyKey) {
        CustomerPrivacy.Current customer = asSent.customerId() == null ? null
                : privacy.currentForWrite(asSent.customerId());
        AnswerSurvey sent = customer != null && customer.erased() ? asSent.unlinked() : asSent;
        AnswerSurvey request = customer == null || customer.erased() ? sent : sent.forCustomer(customer.customerId());
        Survey survey = surveys.get(surveyId);
        Map<String, Object> answers = read(survey, request.answers());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (request.answeredAt() != null && request.answeredAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid("answeredAt", "must not be in the future");
        }
        String hash = Fingerprint.of(json, surveyId, sent);
        Optional<SurveyResponse> earlier = earlier(request.responseId(), idempotencyKey, hash);
        if (earlier.isPresent()) {
            return withComplaint(earlier.get());
        }
        SurveyResponse r = new SurveyResponse();
        r.id = request.responseId() != null ? request.responseId() : UUID.randomUUID();
        r.surveyId = surveyId;
        r.requestHash = hash;
        r.customerId = request.customerId();
        r.visitId = request.visitId();
        r.answeredAt = request.answeredAt() == null ? now : request.answeredAt().truncatedTo(ChronoUnit.MICROS);
        r.recordedAt = now;
        r.answers = answers;
        r.satisfaction = scale(survey, answers, QuestionRole.SATISFACTION);
        r.nps = scale(survey, answers, QuestionRole.NPS);
        r.expectation = scale(survey, answers, QuestionRole.EXPECTATION);
        r.experience = scale(survey, answers, QuestionRole.EXPERIENCE);
        r.comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        r.persist();
        if (idempotencyKey != null) {
            keys.made(KEY_SCOPE, idempotencyKey, r.id);
        }
        outbox.publish(ExperienceEvents.SURVEY_ANSWERED, r.customerId != null ? r.customerId : r.id,
                new SurveyAnswered(r.id, surveyId, r.customerId, r.satisfaction, r.nps, r.answeredAt));
        UUID complaint = autoComplaints.surveyAnswered(survey, r).map(c -> c.id).orElse(null);
        return new Answered(r, true, complaint);
    }

    /** A recorded response and the complaint it opened; 404 unless the survey has this response. */
    @Transactional
    public Answered get(UUID surveyId, UUID responseId) {
        SurveyResponse r = SurveyResponse.findById(responseId);
        if (r == null || !r.surveyId.equals(surveyId)) {
            throw ProblemException.notFound("Survey " + surveyId + " has no response " + responseId);
        }
        return withComplaint(r);
    }

    private Answered withComplaint(SurveyResponse r) {
        return new Answered(r, false, complaints.from(ComplaintSource.SURVEY, r.id.toString()).map(c -> c.id).orElse(null));
    }

    /**
     * The response recorded under this responseId or key before; 409 if it was a different one. A new key
     * sent with the id of a recorded response names that response from now on.
     */
    private Optional<SurveyResponse> earlier(UUID responseId, String idempotencyKey, String hash) {
        SurveyResponse byId = null;
        if (responseId != null) {
            AdvisoryLock.of("survey-response", responseId).holdUntilCommit(db);
            byId = SurveyResponse.findById(responseId);
            if (byId != null && !hash.equals(byId.requestHash)) {
                throw ProblemException.conflict("responseId", "was used for a different response");
            }
        }
        if (idempotencyKey == null) {
            return Optional.ofNullable(byId);
        }
        Optional<UUID> byKey = keys.claim(KEY_SCOPE, idempotencyKey, hash);
        if (byKey.isPresent()) {
            return Optional.of(SurveyResponse.findById(byKey.get()));
        }
        if (byId != null) {
            keys.made(KEY_SCOPE, idempotencyKey, byId.id);
        }
        return Optional.ofNullable(byId);
    }

    /** The answers as stored (a whole number, true/false or the option), or 400 naming every bad one. */
    private static Map<String, Object> read(Survey survey, Map<String, JsonNode> answers) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Object> values = new TreeMap<>();
        answers.forEach((code, answer) -> {
            Optional<Question> question = survey.question(code);
            if (question.isEmpty()) {
                errors.add(new Problem.FieldError("answers." + code, "is not a question of this survey"));
            } else if (answered(answer)) {
                String problem = question.get().problemWith(answer);
                if (problem != null) {
                    errors.add(new Problem.FieldError("answers." + code, problem));
                } else {
                    values.put(code, value(question.get().type(), answer));
                }
            }
        });
        survey.questions.stream().filter(q -> q.required() && !answered(answers.get(q.code())))
                .forEach(q -> errors.add(new Problem.FieldError("answers." + q.code(), "is required")));
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problem.FieldError::field));
            throw new ProblemException(Response.Status.BAD_REQUEST, errors.stream()
                    .map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
        }
        return values;
    }

    private static boolean answered(JsonNode answer) {
        return answer != null && !answer.isNull();
    }

    private static Object value(QuestionType type, JsonNode answer) {
        return switch (type) {
            case SCALE_1_5, SCALE_0_10 -> answer.intValue();
            case YES_NO -> answer.booleanValue();
            case SINGLE_CHOICE -> answer.textValue();
        };
    }

    private static Integer scale(Survey survey, Map<String, Object> answers, QuestionRole role) {
        return survey.withRole(role).map(q -> (Integer) answers.get(q.code())).orElse(null);
    }
}
