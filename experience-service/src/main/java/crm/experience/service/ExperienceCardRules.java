package crm.experience.service;

import static crm.rest.card.CardAction.facts;

import crm.experience.config.CardConfig;
import crm.experience.domain.Complaint;
import crm.rest.card.CardAction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Customize step with what experience-service knows (DOMAIN.md §5): apologise first for an open
 * complaint or a badly remembered last visit, and ask the survey when it may be asked. One apology at most.
 */
@ApplicationScoped
public class ExperienceCardRules {
    private final CardConfig config;

    public ExperienceCardRules(CardConfig config) {
        this.config = config;
    }

    /**
     * Highest priority first. {@code unclosed}: the customer's complaints before CLOSED, oldest first;
     * {@code lastVisit} and {@code survey} null when there is none.
     */
    public List<CardAction> actions(CardStore.LastVisit lastVisit, List<Complaint> unclosed,
            SurveyEligibility.Eligibility survey, Instant now) {
        List<CardAction> actions = new ArrayList<>();
        if (!unclosed.isEmpty()) {
            actions.add(apologise(unclosed, now));
        } else if (lastVisit != null
                && lastVisit.rule().remembered().compareTo(config.apologiseLastVisit().rememberedAtMost()) <= 0) {
            actions.add(new CardAction("APOLOGISE_LAST_VISIT", config.apologiseLastVisit().priority(),
                    "Apologise first; their last visit went badly.",
                    "Their last visit is remembered at " + lastVisit.rule().remembered().toPlainString()
                            + " (peak and end, from -3 to +3).",
                    facts("visitId", lastVisit.visitId(), "startedAt", lastVisit.startedAt(),
                            "remembered", lastVisit.rule().remembered()), null));
        }
        if (survey != null && survey.ask()) {
            actions.add(new CardAction("ASK_SURVEY", config.askSurvey().priority(), "Ask the short survey at payment.",
                    "No survey answered within the quiet period and no open complaint.",
                    facts("surveyId", survey.surveyId()), null));
        }
        actions.sort(Comparator.comparingInt(CardAction::priority).reversed());
        return actions;
    }

    /** For the oldest complaint past its deadline, else the oldest open one. */
    private CardAction apologise(List<Complaint> unclosed, Instant now) {
        Complaint c = unclosed.stream().filter(o -> o.overdue(now)).findFirst().orElse(unclosed.get(0));
        boolean overdue = c.overdue(now);
        return new CardAction("APOLOGISE",
                overdue ? config.apologise().overduePriority() : config.apologise().priority(),
                c.ownerId == null ? "Apologise first; their complaint has no owner yet."
                        : "Apologise first; " + c.ownerId + " handles their complaint.",
                "Their " + c.severity + " complaint is " + c.status
                        + (overdue ? " and past its response deadline." : ", not yet closed."),
                facts("complaintId", c.id, "ownerId", c.ownerId, "severity", c.severity.name(), "openedAt", c.openedAt,
                        "overdue", overdue), null);
    }
}
