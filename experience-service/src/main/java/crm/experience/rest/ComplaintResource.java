package crm.experience.rest;

import crm.experience.domain.ComplaintStatus;
import crm.experience.service.ComplaintService;
import crm.experience.service.MoveComplaint;
import crm.experience.service.OpenComplaint;
import crm.rest.Page;
import crm.rest.Problem;
import crm.rest.ProblemException;
import crm.rest.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/experience/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Complaints", description = "Complaints and service recovery")
public class ComplaintResource {
    private final ComplaintService complaints;
    private final SecurityIdentity caller;

    public ComplaintResource(ComplaintService complaints, SecurityIdentity caller) {
        this.complaints = complaints;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "openComplaint", summary = "Open a complaint", description = """
            The response deadline follows from the severity (crm.experience.complaint.response-deadline.*).
            The caller's name is kept as openedBy; giving it to another owner than the caller needs the role
            account-manager. Publishes ComplaintOpened (ids, codes, times; never the description). A customerId
            merged into another customer stands for the survivor: the complaint, the answer and the event name the
            survivor's id. A customer erased here is refused with 410 naming customerId.""")
    @RequestBody(content = @Content(schema = @Schema(implementation = OpenComplaint.class), examples = @ExampleObject(
            name = "slow queue", value = """
                {"customerId":"6f1c2a9e-5b1d-4c1e-9a57-3f0f5a1f2b11","visitId":"0b7e4a52-3c1f-4f7e-9d55-6a0c2b9d1e21",
                 "journeyCode":"cafe-visit","touchPointCode":"queue","severity":"MEDIUM","channel":"STORE",
                 "description":"Waited 25 minutes for a latte; nobody said sorry.","ownerId":"staff-17"}""")))
    @APIResponse(responseCode = "201", description = "Opened; Location names it",
            content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: the complaint it opened",
            content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for a different complaint")
    @APIResponse(responseCode = "403", description = "ownerId names another than the caller, who is no account-manager")
    @APIResponse(responseCode = "410", description = "customerId names a customer who was erased; nothing stored")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public Response open(
            @Parameter(description = "Makes a retried request safe: the same key opens one complaint")
            @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) String idempotencyKey,
            @NotNull @Valid OpenComplaint request) {
        String name = caller.getPrincipal().getName();
        // Handing a complaint to someone is the account manager's right; anyone may take it on themselves.
        if (request.ownerId() != null && !request.ownerId().equals(name) && !caller.hasRole(Roles.ACCOUNT_MANAGER)) {
            throw ProblemException.needsRole(List.of(Roles.ACCOUNT_MANAGER), List.of(new Problem.FieldError("ownerId",
                    "may name another owner than the caller only with the role " + Roles.ACCOUNT_MANAGER)));
        }
        ComplaintService.Opened opened = complaints.open(request, idempotencyKey, name);
        return Response.status(opened.created() ? Response.Status.CREATED : Response.Status.OK)
                .header("Location", "/api/v1/experience/complaints/" + opened.complaint().id)
                .entity(ComplaintView.summary(opened.complaint()))
                .build();
    }

    @POST
    @Path("/{id}/transitions")
    @Operation(operationId = "moveComplaint", summary = "Move a complaint to its next status", description = """
            Only OPEN → ACKNOWLEDGED → RESOLVED → CLOSED; anything else is 409 naming both statuses.
            Resolving needs a note (what was done); closing needs an outcome and publishes ComplaintResolved.
            The caller is the step's actor; acknowledging an unowned complaint makes the caller its owner.""")
    @RequestBody(content = @Content(schema = @Schema(implementation = MoveComplaint.class), examples = {
        @ExampleObject(name = "apology", value = """
            {"to":"ACKNOWLEDGED","note":"Called the guest and apologised"}"""),
        @ExampleObject(name = "close", value = """
            {"to":"CLOSED","outcome":"RECOVERED","note":"Came back on Friday"}""")}))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "409", description = "Not the next status")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public ComplaintView move(@PathParam("id") UUID id, @NotNull @Valid MoveComplaint move) {
        complaints.move(id, move, caller.getPrincipal().getName());
        return get(id);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getComplaint", summary = "A complaint with its history and time to first response")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public ComplaintView get(@PathParam("id") UUID id) {
        ComplaintService.WithHistory found = complaints.get(id);
        return ComplaintView.of(found.complaint(), found.history());
    }

    @GET
    @Operation(operationId = "listComplaints", summary = "Find complaints", description = """
            Every filter is optional. overdue=true: not acknowledged by the deadline, most overdue first;
            otherwise newest first.""")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public Page<ComplaintView> list(@QueryParam("status") ComplaintStatus status, @QueryParam("customerId") UUID customerId,
            @QueryParam("ownerId") String ownerId, @QueryParam("overdue") Boolean overdue,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        return complaints.list(status, customerId, ownerId, overdue, page, size).map(ComplaintView::summary);
    }
}
