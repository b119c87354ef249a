package crm.events;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Names the operations of the events set aside (FailedEventsResource, RefusedEventsResource) after the service
 * that serves them: one annotation cannot, since each service serves them under its own prefix, and the
 * gateway's merged contract needs each operationId once ({@code listFailedCustomerEvents},
 * {@code replayRefusedSegmentEvent}). At build time, so the contract a service stores for the gateway has them.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class EventsAdminOperations implements OASFilter {
    /** The tag of these operations in every service's contract, and what it means. */
    public static final String TAG = "Events set aside";
    public static final String TAG_DESCRIPTION =
            "Events a consumer could not apply and events the broker refused, for an operator to list and replay";
    /** {@code /api/v1/customers/admin/events/failed} and its {@code /{id}/replay}: the prefix, the kind, a replay. */
    private static final Pattern PATH =
            Pattern.compile("/api/v1/([a-z-]+)/admin/events/(failed|refused)(/\\{id}/replay)?");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            Matcher parts = PATH.matcher(path);
            if (parts.matches()) {
                String id = operationId(parts.group(1), parts.group(2), parts.group(3) != null);
                item.getOperations().values().forEach(operation -> operation.setOperationId(id));
            }
        });
    }

    /** customers, failed, list: listFailedCustomerEvents; experience, refused, replay: replayRefusedExperienceEvent. */
    static String operationId(String prefix, String kind, boolean replay) {
        String service = capitalized(prefix.endsWith("s") ? prefix.substring(0, prefix.length() - 1) : prefix);
        String what = capitalized(kind) + service;
        return replay ? "replay" + what + "Event" : "list" + what + "Events";
    }

    private static String capitalized(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
