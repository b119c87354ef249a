package crm.events.inbox;

import crm.rest.ProblemException;
import crm.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The events a service's consumer set aside ({@link FailedEvents}), for an operator: listed, and replayed one by
 * one once their cause is gone. Each service serves it under its own prefix (the gateway routes by it), as a
 * subclass naming the path. Operations, not part of the public contract.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class FailedEventsResource {
    private final FailedEvents failed;

    protected FailedEventsResource(FailedEvents failed) {
        this.failed = failed;
    }

    @GET
    @Operation(hidden = true)
    @RolesAllowed(Roles.ADMIN)
    public FailedEvents.Listing list() {
        return failed.list();
    }

    @POST
    @Path("{id}/replay")
    @Operation(hidden = true)
    @RolesAllowed(Roles.ADMIN)
    public FailedEvents.Replayed replay(@PathParam("id") long id) {
        try {
            return failed.replay(id).orElseThrow(() -> ProblemException.notFound("No failed event " + id));
        } catch (InvalidEvent e) {
            throw ProblemException.conflict("id", "Failed event " + id + " cannot be replayed: " + e.getMessage());
        }
    }
}
