package crm.experience.service;

import crm.experience.domain.Complaint;
import crm.experience.domain.ComplaintSource;
import crm.experience.domain.Emotion;
import crm.experience.domain.Satisfaction;
import crm.experience.domain.Severity;
import crm.experience.domain.Survey;
import crm.experience.domain.SurveyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The closed loop: a survey satisfaction level of 1-2 or an experience entry of −3 opens a
 * complaint by itself, in the transaction that recorded it, unless the journey's autoComplaints
 * switch is off. One complaint per survey response or log entry. An anonymous one opens a
 * complaint without a customer: the failure at the touch point still needs fixing.
 */
@ApplicationScoped
public class AutoComplaints {
    private final ComplaintService complaints;
    private final JourneyService journeys;

    public AutoComplaints(ComplaintService complaints, JourneyService journeys) {
        this.complaints = complaints;
        this.journeys = journeys;
    }

    /** Runs in the entry's transaction; an entry written without one (above −3) opens nothing. */
    void logged(@Observes LogEntryRecorded entry) {
        if (entry.score() != Emotion.TERRIBLE.score || !entry.autoComplaints()) {
            return;
        }
        Complaint c = new Complaint();
        c.source = ComplaintSource.EXPERIENCE_LOG;
        c.sourceKey = entry.entryId().toString();
        c.customerId = entry.customerId();
        c.visitId = entry.visitId();
        c.journeyCode = entry.journeyCode();
        c.touchPointCode = entry.touchPointCode();
        c.severity = Severity.HIGH;
        c.description = "Experience log: " + entry.touchPointCode() + " of " + entry.journeyCode() + " felt "
                + Emotion.TERRIBLE.label + " (" + entry.score() + ")";
        complaints.open(c);
    }

    /** Level 1 (outraged) opens a HIGH complaint, level 2 (unhappy) a MEDIUM one; the comment goes with it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Complaint> surveyAnswered(Survey survey, SurveyResponse response) {
        if (response.satisfaction == null || !Satisfaction.unhappy(response.satisfaction)
                || survey.journeyCode != null && !journeys.autoComplaints(survey.journeyCode)) {
            return Optional.empty();
        }
        Complaint c = new Complaint();
        c.source = ComplaintSource.SURVEY;
        c.sourceKey = response.id.toString();
        c.customerId = response.customerId;
        c.visitId = response.visitId;
        c.journeyCode = survey.journeyCode;
        c.severity = response.satisfaction == 1 ? Severity.HIGH : Severity.MEDIUM;
        c.description = "Survey " + survey.name + ": satisfaction " + response.satisfaction + " ("
                + Satisfaction.label(response.satisfaction) + ")"
                + (response.comment == null ? "" : ". Comment: " + response.comment);
        return Optional.of(complaints.open(c));
    }
}
