package crm.customer.rest;

import crm.customer.domain.MergeAudit;
import crm.customer.service.MergeService;
import crm.customer.service.PrivacyService;
import crm.rest.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Merging duplicates; export and erasure")
public class PrivacyResource {
    private final MergeService merges;
    private final PrivacyService privacy;
    private final SecurityIdentity caller;

    public PrivacyResource(MergeService merges, PrivacyService privacy, SecurityIdentity caller) {
        this.merges = merges;
        this.privacy = privacy;
        this.caller = caller;
    }

    public record MergeRequest(@NotNull UUID duplicateId) {
    }

    public record MergeResponse(UUID id, UUID survivorId, UUID duplicateId, Instant mergedAt,
            @Schema(description = "Who merged: the caller's name, from their token", examples = "staff-17") String mergedBy,
            Map<String, Integer> moved) {

        static MergeResponse of(MergeAudit m) {
            return new MergeResponse(m.id, m.survivorId, m.duplicateId, m.mergedAt, m.mergedBy, m.moved);
        }
    }

    public record ExportResponse(CustomerResponse customer, List<PreferenceResource.PreferenceResponse> preferences,
            List<VisitResponse> visits, List<RelationshipResource.RelationshipResponse> relationships,
            List<ConsentResource.ConsentResponse> consents, List<MergeResponse> merges) {
    }

    public record VisitResponse(UUID transactionId, Instant occurredAt, Map<String, String> attributes,
            List<String> items) {
    }

    @POST
    @Path("/merge")
    @Operation(operationId = "mergeCustomers", summary = "Merge a duplicate into this customer", description = """
            Moves identifiers, preferences, relationships and consents; the duplicate becomes MERGED and
            points here. Audited with the caller's name as mergedBy; publishes CustomerMerged.""")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public MergeResponse merge(@PathParam("id") UUID survivorId, @NotNull @Valid MergeRequest request) {
        return MergeResponse.of(merges.merge(survivorId, request.duplicateId(), caller.getPrincipal().getName()));
    }

    @GET
    @Path("/export-section")
    @Operation(operationId = "exportCustomerSection", summary = "Everything customer-service holds about the customer",
            description = "customer-service's part of the export the gateway answers at /api/v1/customers/{id}/export.")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public ExportResponse export(@PathParam("id") UUID id) {
        PrivacyService.Export export = privacy.export(id);
        return new ExportResponse(CustomerResponse.of(export.customer()),
                export.preferences().stream().map(PreferenceResource.PreferenceResponse::of).toList(),
                export.visits().stream().map(v -> new VisitResponse(v.transactionId, v.occurredAt, v.attributes, v.items)).toList(),
                export.relationships().stream().map(RelationshipResource.RelationshipResponse::of).toList(),
                export.consents().stream().map(ConsentResource.ConsentResponse::of).toList(),
                export.merges().stream().map(MergeResponse::of).toList());
    }

    @POST
    @Path("/erasure")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "eraseCustomer", summary = "Erase the customer", description = """
            Personal data is removed for good; the id stays as a tombstone (GET answers 410). Publishes
            CustomerErased so every other service erases too.""")
    @APIResponse(responseCode = "202", description = """
            Erased here; the other services erase as CustomerErased reaches them. Location: the erasure's status,
            GET /api/v1/erasures/{id} at the gateway, showing when each service applied it.""",
            content = @Content(schema = @Schema(implementation = Erasure.class)))
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Response erase(@PathParam("id") UUID id) {
        privacy.erase(id);
        return Response.accepted(new Erasure(id, privacy.erasedAt(id))).location(URI.create("/api/v1/erasures/" + id)).build();
    }

    @Schema(name = "CustomerServiceErasure", description = "When a service applied a customer's erasure")
    public record Erasure(UUID customerId, Instant erasedAt) {
    }

    @GET
    @Path("/erasure")
    @Operation(operationId = "getCustomerServiceErasure", summary = "When customer-service applied the customer's erasure")
    @APIResponse(responseCode = "200", description = "Applied",
            content = @Content(schema = @Schema(implementation = Erasure.class)))
    @APIResponse(responseCode = "404", description = "Not erased")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Erasure erasure(@PathParam("id") UUID id) {
        return new Erasure(id, privacy.erasedAt(id));
    }
}
