package crm.experience.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import crm.experience.domain.Channel;
import crm.experience.domain.Complaint;
import crm.experience.domain.ComplaintSource;
import crm.experience.domain.ComplaintStatus;
import crm.experience.domain.ComplaintTransition;
import crm.experience.domain.Outcome;
import crm.experience.domain.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Complaint")
public record ComplaintView(UUID id, ComplaintSource source, UUID customerId, String visitId,
        @Schema(examples = "cafe-visit") String journeyCode, @Schema(examples = "queue") String touchPointCode,
        Severity severity, Channel channel,
        @Schema(description = "Null once the customer is erased") String description,
        @Schema(examples = "staff-17") String ownerId, ComplaintStatus status, Outcome outcome,
        Instant openedAt,
        @Schema(description = "Who opened it: the caller's name; null when a survey answer or a log entry opened it",
                examples = "staff-17") String openedBy,
        @Schema(description = "The response deadline its severity gives") Instant respondBy,
        @Schema(description = "Not acknowledged by respondBy") boolean overdue,
        Instant acknowledgedAt, Instant resolvedAt, Instant closedAt,
        @Schema(description = "OPEN to ACKNOWLEDGED as an ISO-8601 duration; null until acknowledged", examples = "PT1H25M")
        String timeToFirstResponse,
        @Schema(description = "Every step, oldest first; only on a single complaint")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Step> history) {

    @Schema(name = "ComplaintStep")
    public record Step(ComplaintStatus from, ComplaintStatus to, Instant at, String note,
            @Schema(description = "Who took the step: the caller's name; null where a survey answer or a log entry opened it",
                    examples = "staff-17")
            String actor) {

        static Step of(ComplaintTransition t) {
            return new Step(t.fromStatus, t.toStatus, t.at, t.note, t.actor);
        }
    }

    static ComplaintView of(Complaint c, List<ComplaintTransition> history) {
        Duration firstResponse = c.timeToFirstResponse();
        return new ComplaintView(c.id, c.source, c.customerId, c.visitId, c.journeyCode, c.touchPointCode, c.severity,
                c.channel, c.description, c.ownerId, c.status, c.outcome, c.openedAt, c.openedBy, c.respondBy,
                c.overdue(Instant.now()), c.acknowledgedAt, c.resolvedAt, c.closedAt,
                firstResponse == null ? null : firstResponse.toString(),
                history == null ? null : history.stream().map(Step::of).toList());
    }

    static ComplaintView summary(Complaint c) {
        return of(c, null);
    }
}
