package crm.gateway.card;

import crm.rest.Roles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The front-desk card (the Customize step). The front door has checked the caller's role (RouteRoles) and
 * put the caller's service token in Authorization, which the sections are read with.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Card", description = "One customer across all services, and what to do at the counter")
public class CardResource {
    private final CardComposer cards;

    public CardResource(CardComposer cards) {
        this.cards = cards;
    }

    @GET
    @Path("/customers/{id}/card")
    @Operation(operationId = "getCustomerCard", summary = "The front-desk card of a customer", description = """
            Who she is, her value, what she likes, dates coming up, how she felt, consent, and the next best
            actions, from all three services at once. A service that is down or slow leaves its section null and
            named in unavailable; the card still answers 200. A merged record answers with its survivor's card.""")
    @APIResponse(responseCode = "200", description = "The card",
            content = @Content(schema = @Schema(implementation = CustomerCard.class)))
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "410", description = "The customer was erased")
    @SecurityRequirement(name = "bearer", scopes = {Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public CompletionStage<Response> byId(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return cards.byId(id, authorization);
    }

    @GET
    @Path("/card")
    @Operation(operationId = "identifyCustomerCard", summary = "Identify a guest and answer her card in one call",
            description = "Exactly one of phone, email, card or identifier=KIND:VALUE, typed as loosely as identify takes them.")
    @APIResponse(responseCode = "200", description = "The card of the guest identified",
            content = @Content(schema = @Schema(implementation = CustomerCard.class)))
    @APIResponse(responseCode = "404", description = "Nobody is identified by it")
    @APIResponse(responseCode = "503", description = "customer-service is not available: nobody can be identified")
    @SecurityRequirement(name = "bearer", scopes = {Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public CompletionStage<Response> byIdentifier(
            @Parameter(description = "A phone number, typed as the guest says it") @QueryParam("phone") String phone,
            @QueryParam("email") String email, @Parameter(description = "A loyalty card number") @QueryParam("card") String card,
            @Parameter(description = "KIND:VALUE, e.g. LICENSE_PLATE:沪A12345") @QueryParam("identifier") String identifier,
            @jakarta.ws.rs.core.Context UriInfo uri, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return cards.byIdentifier(uri.getRequestUri().getRawQuery() == null ? "" : uri.getRequestUri().getRawQuery(),
                authorization);
    }
}
