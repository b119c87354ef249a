package crm.experience.service;

import crm.experience.domain.Question;
import crm.experience.domain.Survey;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A survey as a client defines it. */
@Schema(name = "SurveyDefinition")
public record CreateSurvey(
        @Schema(examples = "Café exit survey") @NotBlank @Size(max = 200) String name,
        @Schema(description = "Ties the survey to a journey: its autoComplaints switch governs the closed loop",
                examples = "cafe-visit") @Size(max = 64) String journeyCode,
        @Schema(description = "At most 5: a survey must be short enough to be answered")
        @NotEmpty @Size(max = Survey.MAX_QUESTIONS, message = "at most 5 questions: a survey must be short enough to be answered")
        List<@NotNull @Valid Question> questions) {
}
