package crm.gateway.card;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The front-desk card: each service's section as it answered, and the actions of all of them, ranked. */
@Schema(name = "CustomerCard", description = """
        One answer for the person at the counter. A section whose service did not answer in time is null and named
        in unavailable; the others are complete.""")
public record CustomerCard(
        UUID customerId,
        @Schema(ref = "#/components/schemas/CustomerCardSection", description = "From customer-service") JsonNode customer,
        @Schema(ref = "#/components/schemas/ValueCardSection", description = "From segmentation-service") JsonNode value,
        @Schema(ref = "#/components/schemas/ExperienceCardSection", description = "From experience-service") JsonNode experience,
        @Schema(description = "The sections missing from this answer, and why") List<Unavailable> unavailable,
        @Schema(description = """
                The next best actions of every section, highest priority first, at most crm.gateway.card.max-actions;
                a marketing action only when the customer granted marketing consent""") List<RankedAction> actions) {

    @Schema(name = "CardSectionUnavailable")
    public record Unavailable(@Schema(examples = "experience") String section,
            @Schema(examples = "experience-service") String service,
            @Schema(examples = "experience-service did not answer within 500 ms") String reason) {
    }

    @Schema(name = "RankedCardAction", description = "A section's action (CardAction) and the section it came from")
    public record RankedAction(@Schema(examples = "experience") String section, String code, int priority, String text,
            String reason, Map<String, Object> facts, String purpose) {
    }
}
