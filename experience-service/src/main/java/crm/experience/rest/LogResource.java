package crm.experience.rest;

import crm.experience.service.LogExperience;
import crm.experience.service.LogService;
import crm.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/experience/logs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Logs", description = "How each touch point of a visit felt")
public class LogResource {
    private final LogService logs;

    public LogResource(LogService logs) {
        this.logs = logs;
    }

    @POST
    @Operation(operationId = "logExperience", summary = "Log one entry or a whole visit", description = """
            One entry per visit and touch point. A visit is in the journey version current at its first entry and
            keeps it; its journeyCode, customerId and store must be the same in every request. Re-sending a stored
            entry stores nothing and answers it again; a different entry for a stored touch point is a 409.
            All or nothing: any invalid entry rejects the whole request. Each stored entry publishes
            ExperienceLogged on crm.experience.v2, keyed by the customer (the visit when anonymous). A customerId
            merged into another customer stands for the survivor: the entries, the answer and the events name the
            survivor's id. Entries naming a customer erased here are stored as an anonymous guest's: without the
            customer and without notes.""")
    @RequestBody(content = @Content(schema = @Schema(implementation = LogExperience.class), examples = {
        @ExampleObject(name = "single entry", value = """
            {"visitId":"0b6f2a4e-8c1d-4f7a-9e3b-5d2c1a0f9e81","journeyCode":"furniture-store-visit",
             "customerId":"6f1c2a9e-5b1d-4c1e-9a57-3f0f5a1f2b11","store":"store-shanghai-1","recordedBy":"STAFF",
             "touchPointCode":"carrying-items","score":-3,"occurredAt":"2026-10-14T10:40:00Z",
             "note":"Had to carry a wardrobe box to the car alone"}"""),
        @ExampleObject(name = "whole visit", value = """
            {"visitId":"0b6f2a4e-8c1d-4f7a-9e3b-5d2c1a0f9e81","journeyCode":"furniture-store-visit",
             "customerId":"6f1c2a9e-5b1d-4c1e-9a57-3f0f5a1f2b11","store":"store-shanghai-1","recordedBy":"CUSTOMER",
             "entries":[
               {"touchPointCode":"room-sets","score":2,"occurredAt":"2026-10-14T09:20:00Z"},
               {"touchPointCode":"carrying-items","score":-3,"occurredAt":"2026-10-14T10:40:00Z","note":"No trolley"},
               {"touchPointCode":"ice-cream","score":2,"occurredAt":"2026-10-14T10:55:00Z","note":"One-yuan cone"}]}""")}))
    @APIResponse(responseCode = "201", description = "At least one entry stored",
            content = @Content(schema = @Schema(implementation = LoggedResponse.class)))
    @APIResponse(responseCode = "200", description = "A re-send: every entry was stored before",
            content = @Content(schema = @Schema(implementation = LoggedResponse.class)))
    @APIResponse(responseCode = "400", description = "An invalid field, named in errors[].field (e.g. entries[2].score); nothing stored")
    @APIResponse(responseCode = "409", description = "Contradicts what is stored for the visit; nothing stored")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER, Roles.POS})
    public RestResponse<LoggedResponse> log(@NotNull @Valid LogExperience request) {
        LogService.Logged logged = logs.log(request);
        if (!logged.anyCreated()) {
            return RestResponse.ok(LoggedResponse.of(logged));
        }
        // A relative reference: it holds behind the gateway too.
        return RestResponse.ResponseBuilder.<LoggedResponse>create(RestResponse.Status.CREATED)
                .header("Location", UriBuilder.fromPath("/api/v1/experience/visits/{visitId}/curve")
                        .build(request.visitId()).toString())
                .entity(LoggedResponse.of(logged)).build();
    }
}
