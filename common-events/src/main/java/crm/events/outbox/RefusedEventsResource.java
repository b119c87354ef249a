package crm.events.outbox;

import crm.events.EventsAdminOperations;
import crm.rest.Page;
import crm.rest.ProblemException;
import crm.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The events of a service's outbox that the broker refused for good ({@link RefusedEvents}), for an operator:
 * listed, and queued again one by one once their cause is gone. Each service serves it under its own prefix (the
 * gateway routes by it), as a subclass naming the path; {@link EventsAdminOperations} names its operations. Each
 * names its role for the contract too, as FailedEventsResource does.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class RefusedEventsResource {
    private static final int MAX_PAGE = 100;

    private final RefusedEvents refused;

    protected RefusedEventsResource(RefusedEvents refused) {
        this.refused = refused;
    }

    @GET
    @Tag(name = EventsAdminOperations.TAG, description = EventsAdminOperations.TAG_DESCRIPTION)
    @Operation(summary = "The events the broker refused, newest first", description = """
            Events of this service's outbox that the broker refused for good (larger than a record may be, or
            invalid), with the reason, set aside so the events behind them went out. The payload is not shown.""")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer", scopes = Roles.ADMIN)
    public Page<RefusedEvents.RefusedEvent> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        Page.check(page, size, MAX_PAGE);
        return refused.list(page, size);
    }

    @POST
    @Path("{id}/replay")
    @Tag(name = EventsAdminOperations.TAG, description = EventsAdminOperations.TAG_DESCRIPTION)
    @Operation(summary = "Send a refused event again", description = """
            Clears the refusal, so the relay sends the event again in its original place: before every event
            still waiting. Refused again, it is set aside again with the new reason.""")
    @APIResponse(responseCode = "202", description = "Queued for the relay; the event as it was refused",
            content = @Content(schema = @Schema(implementation = RefusedEvents.RefusedEvent.class)))
    @APIResponse(responseCode = "409", description = "The event is not refused: it was sent, or is waiting to be")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer", scopes = Roles.ADMIN)
    public Response replay(@PathParam("id") UUID id) {
        return refused.replay(id).map(event -> Response.accepted(event).build())
                .orElseThrow(() -> refused.exists(id)
                        ? ProblemException.conflict("id", "Outbox event " + id + " is not refused: it was sent, or is"
                                + " waiting to be")
                        : ProblemException.notFound("No outbox event " + id));
    }
}
