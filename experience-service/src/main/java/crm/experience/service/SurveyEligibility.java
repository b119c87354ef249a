package crm.experience.service;

import crm.experience.config.SurveyConfig;
import crm.experience.domain.Complaint;
import crm.experience.domain.ComplaintStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Whether to ask a customer now: not within the quiet period after their last answer to any
 * survey, nor while a complaint of theirs is open (anything before CLOSED). Advice for the
 * POS: a survey is never forced, and an answer given anyway is recorded.
 */
@ApplicationScoped
public class SurveyEligibility {
    private final SurveyService surveys;
    private final SurveyConfig config;
    private final EntityManager em;

    public SurveyEligibility(SurveyService surveys, SurveyConfig config, EntityManager em) {
        this.surveys = surveys;
        this.config = config;
        this.em = em;
    }

    @Schema(name = "EligibilityReason")
    public record Reason(@Schema(description = "QUIET_PERIOD or OPEN_COMPLAINT", examples = "QUIET_PERIOD") String code,
            String message) {
    }

    @Schema(name = "SurveyEligibility")
    public record Eligibility(UUID surveyId, UUID customerId, boolean ask, List<Reason> reasons,
            @Schema(description = "The customer's last answer to any survey") Instant lastAnsweredAt,
            @Schema(description = "End of the quiet period after it") Instant quietUntil) {
    }

    @Transactional
    public Eligibility of(UUID surveyId, UUID customerId) {
        surveys.get(surveyId);
        return of(surveyId, customerId, unclosedComplaints(customerId));
    }

    /** The customer's complaints before CLOSED, oldest first: while any is there, no survey. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Complaint> unclosedComplaints(UUID customerId) {
        return Complaint.list("customerId = ?1 and status <> ?2 order by openedAt, id", customerId, ComplaintStatus.CLOSED);
    }

    /** The rules for an existing survey, given the customer's {@link #unclosedComplaints} (read once by the caller). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Eligibility of(UUID surveyId, UUID customerId, List<Complaint> unclosed) {
        List<Reason> reasons = new ArrayList<>();
        Instant last = em.createQuery("select max(r.answeredAt) from SurveyResponse r where r.customerId = :customer",
                Instant.class).setParameter("customer", customerId).getSingleResult();
        Instant quietUntil = last == null ? null : last.plus(config.quietPeriod());
        if (quietUntil != null && quietUntil.isAfter(Instant.now())) {
            reasons.add(new Reason("QUIET_PERIOD", "Answered a survey at " + last + "; not asked again within "
                    + config.quietPeriod() + ", until " + quietUntil));
        }
        unclosed.forEach(c -> reasons.add(new Reason("OPEN_COMPLAINT", "Complaint " + c.id + " is " + c.status
                + ": recover the customer before asking")));
        return new Eligibility(surveyId, customerId, reasons.isEmpty(), reasons, last, quietUntil);
    }
}
