package crm.experience.rest;

import crm.events.inbox.FailedEvents;
import crm.events.inbox.FailedEventsResource;
import jakarta.ws.rs.Path;

/** The events this service's consumer set aside, under its own prefix. */
@Path("/api/v1/experience/admin/events/failed")
public class FailedEventResource extends FailedEventsResource {
    public FailedEventResource(FailedEvents failed) {
        super(failed);
    }
}
