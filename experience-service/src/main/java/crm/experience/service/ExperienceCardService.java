package crm.experience.service;

import crm.experience.domain.Complaint;
import crm.rest.card.CardAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One customer's card section: a few reads on indexes led by the customer id (none for a customer
 * this service has not heard of beyond finding that out), and the rules over them.
 */
@ApplicationScoped
public class ExperienceCardService {
    private final CardStore store;
    private final SurveyEligibility eligibility;
    private final ExperienceCardRules rules;

    public ExperienceCardService(CardStore store, SurveyEligibility eligibility, ExperienceCardRules rules) {
        this.store = store;
        this.eligibility = eligibility;
        this.rules = rules;
    }

    /**
     * {@code unclosed}: complaints before CLOSED, oldest first, and {@code now} the time they were judged
     * overdue at; {@code survey} null when no survey is defined. All but the id empty for an unknown customer.
     */
    public record Card(UUID customerId, boolean known, CardStore.LastVisit lastVisit, List<Complaint> unclosed,
            Instant now, SurveyEligibility.Eligibility survey, List<CardAction> actions) {
    }

    @Transactional
    public Card of(UUID customerId) {
        if (!store.known(customerId)) {
            return new Card(customerId, false, null, List.of(), null, null, List.of());
        }
        Instant now = Instant.now();
        CardStore.LastVisit lastVisit = store.lastVisit(customerId);
        List<Complaint> unclosed = eligibility.unclosedComplaints(customerId);
        UUID surveyId = store.latestSurvey();
        SurveyEligibility.Eligibility survey = surveyId == null ? null : eligibility.of(surveyId, customerId, unclosed);
        return new Card(customerId, true, lastVisit, unclosed, now, survey,
                rules.actions(lastVisit, unclosed, survey, now));
    }
}
