package crm.customer.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.customer.domain.MergeAudit;
import crm.customer.service.MergeService;
import crm.customer.service.PrivacyService;
import crm.rest.Roles;
import crm.rest.export.JsonExport;
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
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
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
    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {
    };

    private final MergeService merges;
    private final PrivacyService privacy;
    private final SecurityIdentity caller;
    private final DataSource db;
    private final ObjectMapper json;

    public PrivacyResource(MergeService merges, PrivacyService privacy, SecurityIdentity caller, DataSource db,
            ObjectMapper json) {
        this.merges = merges;
        this.privacy = privacy;
        this.caller = caller;
        this.db = db;
        this.json = json;
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
    @APIResponse(responseCode = "200", description = "The export; the visits stream from the database as they are read",
            content = @Content(schema = @Schema(implementation = ExportResponse.class)))
    public Response export(@PathParam("id") UUID id) {
        PrivacyService.Export export = privacy.export(id);
        return Response.ok(JsonExport.of(db, json, body -> body
                .field("customer", CustomerResponse.of(export.customer()))
                .field("preferences", export.preferences().stream().map(PreferenceResource.PreferenceResponse::of).toList())
                .rows("visits", PrivacyService.VISITS, row -> new VisitResponse(row.getObject(1, UUID.class),
                        row.getObject(2, OffsetDateTime.class).toInstant(), attributes(row.getString(3)),
                        List.of((String[]) row.getArray(4).getArray())), id)
                .field("relationships", export.relationships().stream().map(RelationshipResource.RelationshipResponse::of).toList())
                .field("consents", export.consents().stream().map(ConsentResource.ConsentResponse::of).toList())
                .field("merges", export.merges().stream().map(MergeResponse::of).toList())), MediaType.APPLICATION_JSON)
                .build();
    }

    private Map<String, String> attributes(String jsonb) throws SQLException {
        try {
            return json.readValue(jsonb, ATTRIBUTES);
        } catch (JsonProcessingException e) {
            throw new SQLException("A visit's attributes are not a JSON object of strings", e);
        }
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
