package crm.experience.service;

import crm.experience.domain.Journey;
import crm.experience.domain.TouchPoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The touch points a journey's analyses report, over all its versions: the latest version's in order, then
 * those only older versions had (newest version first), so entries logged against any version are shown.
 */
public record Steps(Journey latest, List<Step> steps) {

    public record Step(String code, String name, boolean inLatestVersion) {
    }

    /** From every version of one journey, newest first. */
    static Steps of(List<Journey> versions) {
        Map<String, Step> steps = new LinkedHashMap<>();
        for (Journey journey : versions) {
            for (TouchPoint t : journey.touchPoints) {
                steps.putIfAbsent(t.code, new Step(t.code, t.name, journey == versions.get(0)));
            }
        }
        return new Steps(versions.get(0), List.copyOf(steps.values()));
    }
}
