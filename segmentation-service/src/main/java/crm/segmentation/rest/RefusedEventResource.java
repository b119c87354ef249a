package crm.segmentation.rest;

import crm.events.outbox.RefusedEvents;
import crm.events.outbox.RefusedEventsResource;
import jakarta.ws.rs.Path;

/** The events the broker refused from this service's outbox, under its own prefix. */
@Path("/api/v1/segments/admin/events/refused")
public class RefusedEventResource extends RefusedEventsResource {
    public RefusedEventResource(RefusedEvents refused) {
        super(refused);
    }
}
