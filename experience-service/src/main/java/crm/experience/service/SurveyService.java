package crm.experience.service;

import crm.experience.domain.Question;
import crm.experience.domain.QuestionRole;
import crm.experience.domain.QuestionType;
import crm.experience.domain.Survey;
import crm.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Survey definitions: at most 5 questions, each role at most once and on a question of its type. */
@ApplicationScoped
public class SurveyService {
    private final JourneyService journeys;

    public SurveyService(JourneyService journeys) {
        this.journeys = journeys;
    }

    @Transactional
    public Survey create(CreateSurvey request) {
        validate(request.questions());
        if (request.journeyCode() != null) {
            journeys.requireJourney(request.journeyCode());
        }
        Survey survey = new Survey();
        survey.id = UUID.randomUUID();
        survey.name = request.name().strip();
        survey.journeyCode = request.journeyCode();
        survey.questions = request.questions().stream().map(SurveyService::normalised).toList();
        survey.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        survey.persist();
        return survey;
    }

    /** 404 if there is no such survey. */
    @Transactional
    public Survey get(UUID id) {
        Survey survey = Survey.findById(id);
        if (survey == null) {
            throw ProblemException.notFound("No survey " + id);
        }
        return survey;
    }

    private static void validate(List<Question> questions) {
        Set<String> codes = new HashSet<>();
        Map<QuestionRole, Integer> roles = new EnumMap<>(QuestionRole.class);
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            String at = "questions[" + i + "].";
            if (!codes.add(q.code())) {
                throw ProblemException.invalid(at + "code", "repeats " + q.code() + "; question codes are unique in a survey");
            }
            if (q.role() != null) {
                if (q.type() != q.role().type) {
                    throw ProblemException.invalid(at + "role", "a " + q.role() + " question must be " + q.role().type);
                }
                Integer first = roles.putIfAbsent(q.role(), i);
                if (first != null) {
                    throw ProblemException.invalid(at + "role", "questions[" + first + "] is already the " + q.role()
                            + " question; a survey has at most one");
                }
            }
            boolean choice = q.type() == QuestionType.SINGLE_CHOICE;
            List<String> options = q.options() == null ? List.of() : q.options();
            if (choice && (options.size() < 2 || new HashSet<>(options).size() != options.size())) {
                throw ProblemException.invalid(at + "options", "a SINGLE_CHOICE question needs 2 to 10 distinct options");
            }
            if (!choice && !options.isEmpty()) {
                throw ProblemException.invalid(at + "options", "only a SINGLE_CHOICE question has options");
            }
        }
    }

    private static Question normalised(Question q) {
        return new Question(q.code(), q.text().strip(), q.type(), q.required(), q.role(),
                q.type() == QuestionType.SINGLE_CHOICE ? List.copyOf(q.options()) : null);
    }
}
