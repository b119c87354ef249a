package crm.experience.rest;

import crm.experience.domain.SurveyResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SurveyResponse")
public record ResponseView(UUID responseId, UUID surveyId,
        @Schema(description = "Null when anonymous or erased") UUID customerId, String visitId, Instant answeredAt,
        @Schema(examples = "{\"q1\": 2, \"q2\": 6, \"q5\": \"MORE\"}") Map<String, Object> answers,
        @Schema(description = "The answers to the questions with a role") Integer satisfaction, Integer nps,
        Integer expectation, Integer experience,
        @Schema(description = "Null once the customer is erased") String comment,
        @Schema(description = "The complaint a satisfaction level of 1-2 opened (closed loop)") UUID complaintId) {

    static ResponseView of(SurveyResponse r, UUID complaintId) {
        return new ResponseView(r.id, r.surveyId, r.customerId, r.visitId, r.answeredAt, r.answers, r.satisfaction,
                r.nps, r.expectation, r.experience, r.comment, complaintId);
    }
}
