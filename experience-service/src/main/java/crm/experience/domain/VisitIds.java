package crm.experience.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A visit's id is the caller's own: a check or ticket number, or a UUID. It names the visit across the
 * business, so a chain whose stores reuse ticket numbers prefixes them with the store.
 */
public final class VisitIds {
    /** 1-64 visible ASCII characters: no spaces, nothing a terminal or a log would hide. */
    public static final String PATTERN = "^[!-~]{1,64}$";
    public static final String INVALID = "must be 1 to 64 visible characters (letters, digits, punctuation; no spaces)";
    public static final String DESCRIPTION =
            "The caller's own id of the visit: a check or ticket number or a UUID, 1-64 visible characters.";

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private VisitIds() {
    }

    /**
     * The event subject and Kafka key of an anonymous visit's events: the id itself when it is a UUID, else
     * a name-based UUID of it, so one visit's events stay in order on one partition.
     */
    public static UUID subject(String visitId) {
        return CANONICAL_UUID.matcher(visitId).matches() ? UUID.fromString(visitId)
                : UUID.nameUUIDFromBytes(("visit:" + visitId).getBytes(StandardCharsets.UTF_8));
    }
}
