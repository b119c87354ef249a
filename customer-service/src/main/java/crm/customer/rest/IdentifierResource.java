package crm.customer.rest;

import crm.customer.domain.IdentifierKind;
import crm.customer.service.IdentifierService;
import crm.rest.Page;
import crm.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers/{id}/identifiers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Identifiers", description = "Phones, e-mails, cards and plates that identify a customer")
public class IdentifierResource {
    private final IdentifierService identifiers;

    public IdentifierResource(IdentifierService identifiers) {
        this.identifiers = identifiers;
    }

    public record NewIdentifier(@NotNull IdentifierKind kind,
            @Schema(examples = "8888 0001") @NotBlank @Size(max = 200) String value) {
    }

    @GET
    @Operation(operationId = "listIdentifiers", summary = "A customer's identifiers", description = "By kind, then value.")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public Page<IdentifierResponse> list(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return identifiers.list(id, page, size).map(IdentifierResponse::of);
    }

    @POST
    @Operation(operationId = "addIdentifier", summary = "Add an identifier", description = "One identifier belongs to at most one active customer.")
    @APIResponse(responseCode = "201", description = "Added, normalised", content = @Content(schema = @Schema(implementation = IdentifierResponse.class)))
    @APIResponse(responseCode = "409", description = "Another customer holds it, or the customer was merged")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public Response add(@PathParam("id") UUID id, @NotNull @Valid NewIdentifier identifier) {
        return Response.status(Response.Status.CREATED)
                .entity(IdentifierResponse.of(identifiers.add(id, identifier.kind(), identifier.value())))
                .build();
    }

    @DELETE
    @Path("/{kind}/{value}")
    @Operation(operationId = "removeIdentifier", summary = "Remove an identifier")
    @APIResponse(responseCode = "204", description = "Removed")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public void remove(@PathParam("id") UUID id, @PathParam("kind") IdentifierKind kind,
            @PathParam("value") String value) {
        identifiers.remove(id, kind, value);
    }
}
