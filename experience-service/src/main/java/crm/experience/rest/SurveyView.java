package crm.experience.rest;

import crm.experience.domain.Question;
import crm.experience.domain.Survey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Survey")
public record SurveyView(UUID id, @Schema(examples = "Café exit survey") String name,
        @Schema(examples = "cafe-visit") String journeyCode, List<Question> questions, Instant createdAt) {

    static SurveyView of(Survey s) {
        return new SurveyView(s.id, s.name, s.journeyCode, s.questions, s.createdAt);
    }
}
