package crm.events.experience;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer answered a survey. {@code satisfaction} is the 1..5 level and {@code nps} the 0..10
 * answer, each null when the survey does not ask it. Free-text answers stay in experience-service.
 */
public record SurveyAnswered(UUID responseId, UUID surveyId, UUID customerId, Integer satisfaction, Integer nps,
        Instant answeredAt) {
}
