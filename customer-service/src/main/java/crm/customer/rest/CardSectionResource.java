package crm.customer.rest;

import crm.customer.service.CustomerCardSection;
import crm.customer.service.CustomerCardService;
import crm.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** customer-service's part of the front-desk card; the gateway's card composes it with the other services'. */
@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CardSectionResource {
    private final CustomerCardService cards;

    public CardSectionResource(CustomerCardService cards) {
        this.cards = cards;
    }

    @GET
    @Path("/{id}/card-section")
    @Operation(operationId = "getCustomerCardSection", summary = "Who the guest is, what she likes, her dates and consent, and what to do",
            description = "customer-service's section of the front-desk card. A merged record answers with its survivor's.")
    @APIResponse(responseCode = "200", description = "The section",
            content = @Content(schema = @Schema(implementation = CustomerCardSection.class)))
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "410", description = "The customer was erased")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public CustomerCardSection section(@PathParam("id") UUID id) {
        return cards.of(id);
    }

    @GET
    @Path("/card-section")
    @Operation(operationId = "identifyCustomerCardSection", summary = "Identify a guest and answer her card section in one call",
            description = "Exactly one of phone, email, card or identifier=KIND:VALUE, typed as loosely as identify takes them.")
    @APIResponse(responseCode = "200", description = "The section of the customer identified",
            content = @Content(schema = @Schema(implementation = CustomerCardSection.class)))
    @APIResponse(responseCode = "404", description = "Nobody is identified by it")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public CustomerCardSection identify(@QueryParam("phone") String phone, @QueryParam("email") String email,
            @QueryParam("card") String card,
            @Parameter(description = "KIND:VALUE, e.g. LICENSE_PLATE:沪A12345") @QueryParam("identifier") String identifier) {
        IdentifierQuery query = IdentifierQuery.of(phone, email, card, identifier);
        return cards.of(query.kind(), query.value(), query.field());
    }
}
