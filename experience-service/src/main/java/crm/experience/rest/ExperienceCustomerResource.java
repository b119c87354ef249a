package crm.experience.rest;

import crm.experience.service.ExperienceCardService;
import crm.experience.service.ExperienceCustomerService;
import crm.rest.ProblemException;
import crm.rest.QueryParams;
import crm.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/experience/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Experience customers", description = "A customer as experience-service knows them")
public class ExperienceCustomerResource {
    private final ExperienceCustomerService customers;
    private final ExperienceCardService cards;

    public ExperienceCustomerResource(ExperienceCustomerService customers, ExperienceCardService cards) {
        this.customers = customers;
        this.cards = cards;
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getExperienceCustomer", summary = "A customer as experience-service knows them")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ExperienceCustomerResponse.class)))
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public ExperienceCustomerResponse customer(@PathParam("id") UUID id) {
        return ExperienceCustomerResponse.of(customers.get(id));
    }

    @GET
    @Path("/{id}/card-section")
    @Operation(operationId = "getExperienceCardSection", summary = "Experience-service's section of the front-desk card",
            description = """
            How the last visit is remembered (peak-end), the complaints not yet CLOSED, whether the survey may be
            asked at payment, and the next best actions (crm.card.*). Ids and codes only, never a description.
            A customer experience-service has not heard of is 200 with known false and no actions.""")
    @APIResponse(responseCode = "200", description = "The section; known false for a customer not heard of",
            content = @Content(schema = @Schema(implementation = ExperienceCardSection.class)))
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public ExperienceCardSection cardSection(
            @Parameter(description = "The customer's id", example = "6f1c2a9e-5b1d-4c1e-9a57-3f0f5a1f2b11",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id) {
        UUID customerId = QueryParams.uuid("id", id);
        if (customerId == null) {
            throw ProblemException.invalid("id", "must be a UUID");
        }
        return ExperienceCardSection.of(cards.of(customerId));
    }
}
