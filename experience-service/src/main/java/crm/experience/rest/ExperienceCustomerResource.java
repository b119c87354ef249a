package crm.experience.rest;

import crm.experience.service.CustomerPrivacy;
import crm.experience.service.ExperienceCardService;
import crm.experience.service.ExperienceCustomerService;
import crm.experience.service.ExportStore;
import crm.rest.ProblemException;
import crm.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
    private final CustomerPrivacy privacy;
    private final ExportStore exports;

    public ExperienceCustomerResource(ExperienceCustomerService customers, ExperienceCardService cards,
            CustomerPrivacy privacy, ExportStore exports) {
        this.customers = customers;
        this.cards = cards;
        this.privacy = privacy;
        this.exports = exports;
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
            @PathParam("id") UUID id) {
        return ExperienceCardSection.of(cards.of(id));
    }

    @GET
    @Path("/{id}/export")
    @Operation(operationId = "exportExperienceCustomer", summary = "Everything experience-service holds about a customer",
            description = """
            The customer's right to a copy of their data: every visit with its entries (touch point, score, time,
            note, who recorded it), every survey response with its answers and comment, every complaint with its
            description and history (each step's actor and note). Streamed, one item at a time. A customer
            experience-service has not heard of has empty lists; an erased one, what is left linked to them
            (nothing: their data was unlinked).""")
    @APIResponse(responseCode = "200", description = "The document, streamed",
            content = @Content(schema = @Schema(implementation = ExportStore.Export.class)))
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Response export(
            @Parameter(description = "The customer's id", example = "6f1c2a9e-5b1d-4c1e-9a57-3f0f5a1f2b11",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") UUID id) {
        return Response.ok(exports.export(id), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/{id}/erasure")
    @Operation(operationId = "getExperienceErasure", summary = "Whether experience-service applied the customer's erasure",
            description = """
            200 with the time experience-service applied it (CustomerErased consumed, or a merge into an erased
            customer); 404 while it has not, or for a customer it never heard of. From then on a new log entry or
            survey answer naming the customer is stored without them and without free text, and a new complaint
            is refused (410).""")
    @APIResponse(responseCode = "200", description = "Applied, and when",
            content = @Content(schema = @Schema(implementation = ErasureStatus.class)))
    @APIResponse(responseCode = "404", description = "Not applied here (yet), or a customer never heard of")
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public ErasureStatus erasure(
            @Parameter(description = "The customer's id", example = "6f1c2a9e-5b1d-4c1e-9a57-3f0f5a1f2b11",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") UUID id) {
        UUID customerId = id;
        return privacy.erasedAt(customerId).map(at -> new ErasureStatus(customerId, at))
                .orElseThrow(() -> ProblemException.notFound("Customer " + customerId
                        + " has no erasure applied by experience-service"));
    }

}
