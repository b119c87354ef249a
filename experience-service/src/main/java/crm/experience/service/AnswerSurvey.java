package crm.experience.service;

import com.fasterxml.jackson.databind.JsonNode;
import crm.experience.domain.VisitIds;
import crm.rest.PlausibleTime;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer's answers to a survey, as the POS or a tablet at the exit sends them. */
@Schema(name = "SurveyAnswers")
public record AnswerSurvey(
        @Schema(description = "The client's id for this response: a retry with the same id records once") UUID responseId,
        @Schema(description = "Absent for an anonymous guest") UUID customerId,
        @Schema(description = VisitIds.DESCRIPTION, examples = "T-2026-1042")
        @Pattern(regexp = VisitIds.PATTERN, message = VisitIds.INVALID) String visitId,
        @Schema(description = "Defaults to now; not in the future", examples = "2026-10-14T10:58:00Z") @PlausibleTime Instant answeredAt,
        @Schema(description = "By question code: a whole number for a scale, true/false, or the option chosen",
                examples = "{\"q1\": 2, \"q2\": 6, \"q5\": \"MORE\"}")
        @NotNull @Size(max = 20) Map<String, JsonNode> answers,
        @Schema(description = "Free text; erased with the customer", examples = "The latte was cold")
        @Size(max = 2000) String comment) {

    /** The same answers of another customer: the survivor of a merge the request's customer went into. */
    public AnswerSurvey forCustomer(UUID customer) {
        return new AnswerSurvey(responseId, customer, visitId, answeredAt, answers, comment);
    }

    /** The same answers as an anonymous guest's, for a customer erased here: no customer and no comment. */
    public AnswerSurvey unlinked() {
        return new AnswerSurvey(responseId, null, visitId, answeredAt, answers, null);
    }
}
