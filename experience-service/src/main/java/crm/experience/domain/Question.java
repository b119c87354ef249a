package crm.experience.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One survey question, kept with its survey. */
public record Question(
        @Schema(description = "Names the answer in a response", examples = "q1")
        @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
                message = "must be letters, digits, '.', '_' or '-', starting with a letter or digit") String code,
        @Schema(examples = "How satisfied are you with today's visit?") @NotBlank @Size(max = 500) String text,
        @NotNull QuestionType type,
        @Schema(description = "A response must answer it") boolean required,
        @Schema(description = "At most one question per role; SATISFACTION, EXPECTATION and EXPERIENCE are SCALE_1_5, NPS is SCALE_0_10")
        QuestionRole role,
        @Schema(description = "SINGLE_CHOICE only: 2 to 10 distinct options", examples = "[\"LESS\",\"EQUAL\",\"MORE\"]")
        @Size(max = 10) List<@NotBlank @Size(max = 100) String> options) {

    /** Why {@code answer} does not answer this question, or null if it does. */
    public String problemWith(JsonNode answer) {
        return switch (type) {
            case SCALE_1_5 -> scale(answer, 1, 5);
            case SCALE_0_10 -> scale(answer, 0, 10);
            case YES_NO -> answer.isBoolean() ? null : "must be true or false";
            case SINGLE_CHOICE -> !answer.isTextual() ? "must be one of the options " + options
                    : options.contains(answer.textValue()) ? null
                    : "'" + answer.textValue() + "' is not one of the options " + options;
        };
    }

    private static String scale(JsonNode answer, int min, int max) {
        if (!answer.isIntegralNumber()) {
            return "must be a whole number from " + min + " to " + max;
        }
        if (!answer.canConvertToInt() || answer.intValue() < min || answer.intValue() > max) {
            return "is out of range: must be from " + min + " to " + max;
        }
        return null;
    }
}
