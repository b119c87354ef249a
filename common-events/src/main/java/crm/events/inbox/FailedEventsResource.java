package crm.events.inbox;

import crm.events.EventsAdminOperations;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The events a service's consumer set aside ({@link FailedEvents}), for an operator: listed, and replayed one by
 * one once their cause is gone. Each service serves it under its own prefix (the gateway routes by it), as a
 * subclass naming the path; {@link EventsAdminOperations} names its operations. Each names its role for the
 * contract too: Quarkus reads the contract's roles from @RolesAllowed of a resource's own methods, not inherited ones.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class FailedEventsResource {
    private final FailedEvents failed;

    protected FailedEventsResource(FailedEvents failed) {
        this.failed = failed;
    }

    @GET
    @Tag(name = EventsAdminOperations.TAG, description = EventsAdminOperations.TAG_DESCRIPTION)
    @Operation(summary = "The events the consumer set aside, oldest first", description = """
            Records this service's consumer could not apply (after its retries) or could not read, with the
            reason: how many there are, and the oldest 100. The payload is not shown.""")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer", scopes = Roles.ADMIN)
    public FailedEvents.Listing list() {
        return failed.list();
    }

    @POST
    @Path("{id}/replay")
    @Tag(name = EventsAdminOperations.TAG, description = EventsAdminOperations.TAG_DESCRIPTION)
    @Operation(summary = "Apply a set-aside event again", description = """
            Applies the event through the consumer's own handler and removes it from the list; one applied
            before (its id is known) is removed without a second effect.""")
    @APIResponse(responseCode = "200", description = "Applied now, or found applied before; gone from the list",
            content = @Content(schema = @Schema(implementation = FailedEvents.Replayed.class)))
    @APIResponse(responseCode = "409", description = "The record cannot be read, or was erased: it stays set aside")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer", scopes = Roles.ADMIN)
    public FailedEvents.Replayed replay(@PathParam("id") long id) {
        try {
            return failed.replay(id).orElseThrow(() -> ProblemException.notFound("No failed event " + id));
        } catch (InvalidEvent e) {
            throw ProblemException.conflict("id", "Failed event " + id + " cannot be replayed: " + e.getMessage());
        }
    }
}
