package crm.experience.rest;

import crm.experience.service.ExperienceCustomerService;
import crm.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/experience/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Experience customers", description = "A customer as experience-service knows them")
public class ExperienceCustomerResource {
    private final ExperienceCustomerService customers;

    public ExperienceCustomerResource(ExperienceCustomerService customers) {
        this.customers = customers;
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getExperienceCustomer", summary = "A customer as experience-service knows them")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ExperienceCustomerResponse.class)))
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public ExperienceCustomerResponse customer(@PathParam("id") UUID id) {
        return ExperienceCustomerResponse.of(customers.get(id));
    }
}
