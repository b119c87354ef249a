package crm.rest.card;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One next best action for the person at the counter (the Customize step), proposed by the service
 * whose data supports it. The gateway ranks the actions of all services by {@code priority} and leaves
 * out those whose {@code purpose} the customer has not consented to.
 *
 * @param code     stable, for the till's own handling, e.g. {@code WISH_BIRTHDAY}
 * @param priority 0-100, higher first; each rule's priority is its service's configuration
 * @param text     one sentence for the person at the counter
 * @param reason   why, in words
 * @param facts    the figures behind it (ids, codes, dates, numbers; never free text)
 * @param purpose  the consent purpose it needs (e.g. {@code MARKETING}), or null when it needs none
 */
@Schema(name = "CardAction", description = "A next best action: what to do at the counter, why, and the facts behind it")
public record CardAction(
        @Schema(examples = "WISH_BIRTHDAY") String code,
        @Schema(minimum = "0", maximum = "100", examples = "80") int priority,
        @Schema(examples = "Wish her a happy birthday (Friday).") String text,
        @Schema(examples = "Her birthday is in 3 days.") String reason,
        @Schema(examples = "{\"date\": \"2026-12-04\", \"inDays\": 3}") Map<String, Object> facts,
        @Schema(description = "The consent purpose it needs; null: none", examples = "MARKETING") String purpose) {

    public static final String MARKETING = "MARKETING";

    /** Facts from name, value pairs, in the order given; a pair whose value is null is left out. */
    public static Map<String, Object> facts(Object... pairs) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                facts.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return facts;
    }
}
