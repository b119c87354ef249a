package crm.experience.rest;

import crm.experience.domain.Complaint;
import crm.experience.domain.ComplaintStatus;
import crm.experience.domain.Severity;
import crm.experience.service.CardStore;
import crm.experience.service.ExperienceCardService;
import crm.experience.service.SurveyEligibility;
import crm.rest.card.CardAction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What experience-service tells the counter: how the last visit felt, open complaints, the survey, what to do. */
@Schema(name = "ExperienceCardSection")
public record ExperienceCardSection(
        UUID customerId,
        @Schema(description = "Experience-service has heard of the customer; if not, the rest is null and no actions")
        boolean known,
        @Schema(description = "The latest visit; null if none") LastVisit lastVisit,
        @Schema(description = "Complaints not yet CLOSED; null for an unknown customer") Complaints complaints,
        @Schema(description = "The survey to ask at payment; null when no survey is defined") Survey survey,
        @Schema(description = "Next best actions, highest priority first") List<CardAction> actions) {

    @Schema(name = "ExperienceCardLastVisit")
    public record LastVisit(@Schema(examples = "T-2026-1042") String visitId,
            @Schema(examples = "cafe-visit") String journeyCode, @Schema(examples = "s1") String store,
            Instant startedAt,
            @Schema(description = "Peak-end: (peak + end) / 2, one decimal", examples = "-1.0") BigDecimal remembered,
            @Schema(description = "Mean score, two decimals", examples = "-0.33") BigDecimal mean) {

        static LastVisit of(CardStore.LastVisit v) {
            return v == null ? null : new LastVisit(v.visitId(), v.journeyCode(), v.store(), v.startedAt(),
                    v.rule().remembered(), v.rule().mean());
        }
    }

    @Schema(name = "ExperienceCardComplaints")
    public record Complaints(@Schema(description = "Not yet CLOSED") int open,
            @Schema(description = "OPEN past their response deadline") int overdue,
            Instant oldestOpenedAt,
            @Schema(description = "The oldest not yet CLOSED; null if none") OldestComplaint oldest) {

        static Complaints of(List<Complaint> unclosed, Instant now) {
            Complaint oldest = unclosed.isEmpty() ? null : unclosed.get(0);
            return new Complaints(unclosed.size(), (int) unclosed.stream().filter(c -> c.overdue(now)).count(),
                    oldest == null ? null : oldest.openedAt, OldestComplaint.of(oldest));
        }
    }

    @Schema(name = "ExperienceCardComplaint")
    public record OldestComplaint(UUID complaintId, @Schema(examples = "staff-17") String ownerId, Severity severity,
            ComplaintStatus status, @Schema(description = "Its response deadline") Instant respondBy) {

        static OldestComplaint of(Complaint c) {
            return c == null ? null : new OldestComplaint(c.id, c.ownerId, c.severity, c.status, c.respondBy);
        }
    }

    @Schema(name = "ExperienceCardSurvey")
    public record Survey(UUID surveyId, @Schema(description = "May be asked now (never forced)") boolean ask,
            @Schema(description = "Why not, each code once: QUIET_PERIOD, OPEN_COMPLAINT", examples = "[\"OPEN_COMPLAINT\"]")
            List<String> reasons) {

        static Survey of(SurveyEligibility.Eligibility e) {
            return e == null ? null : new Survey(e.surveyId(), e.ask(),
                    e.reasons().stream().map(SurveyEligibility.Reason::code).distinct().toList());
        }
    }

    static ExperienceCardSection of(ExperienceCardService.Card card) {
        return new ExperienceCardSection(card.customerId(), card.known(), LastVisit.of(card.lastVisit()),
                card.known() ? Complaints.of(card.unclosed(), card.now()) : null, Survey.of(card.survey()),
                card.actions());
    }
}
