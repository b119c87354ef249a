package crm.experience.domain;

import java.util.List;
import java.util.UUID;

/** A journey version as logging needs it: immutable, like the version itself, so it can be kept in memory. */
public record JourneyVersion(UUID id, String code, int version, boolean autoComplaints, List<String> touchPointCodes) {

    public static JourneyVersion of(Journey journey) {
        return new JourneyVersion(journey.id, journey.code, journey.version, journey.autoComplaints,
                journey.touchPoints.stream().map(t -> t.code).toList());
    }

    /** The position (from 0) of the touch point with this code, or -1. */
    public int position(String touchPointCode) {
        return touchPointCodes.indexOf(touchPointCode);
    }
}
