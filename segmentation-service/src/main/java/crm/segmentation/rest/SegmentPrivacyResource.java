package crm.segmentation.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import crm.rest.ProblemException;
import crm.rest.Roles;
import crm.rest.export.JsonExport;
import crm.segmentation.service.CustomerLifecycle;
import crm.segmentation.service.ExportStore;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Segmentation's part of the customer's rights: the export, and whether their erasure was applied here. */
@Path("/api/v1/segments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Segments")
public class SegmentPrivacyResource {
    private final CustomerLifecycle lifecycle;
    private final AgroalDataSource db;
    private final ObjectMapper json;

    public SegmentPrivacyResource(CustomerLifecycle lifecycle, AgroalDataSource db, ObjectMapper json) {
        this.lifecycle = lifecycle;
        this.db = db;
        this.json = json;
    }

    @GET
    @Path("/customers/{id}/export")
    @Operation(operationId = "exportSegmentationCustomer", summary = "Everything segmentation holds about the customer",
            description = """
            The customer as segmentation knows them (registered, first purchase, wallet, assessment, latest survey
            answer), every transaction with its lines and attributes, the totals per period and the level at every
            closed period. Streamed: a customer with 100,000 transactions is written from a cursor. A customer
            segmentation never heard of is 200 with customer null and empty lists; an erased one, 200 with what is
            left (no line descriptions, no attributes). The gateway's GET /api/v1/customers/{id}/export holds it as
            value.""")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(schema = @Schema(implementation = SegmentationExport.class)))
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Response export(@PathParam("id") UUID id) {
        UUID customerId = id;
        CustomerLifecycle.Known known = lifecycle.known(customerId);
        return Response.ok(JsonExport.of(db, json, export -> export
                .field("customerId", customerId)
                .field("erasedAt", known.erasedAt())
                .field("customer", known.customer() == null ? null : SegmentationExport.Customer.of(known.customer()))
                .rows("transactions", ExportStore.TRANSACTIONS, row -> new SegmentationExport.Transaction(
                        row.getObject("id", UUID.class), row.getString("source"), row.getString("external_id"),
                        ExportStore.instant(row, "occurred_at"), row.getString("store"), row.getString("channel"),
                        row.getString("currency"), row.getBoolean("refund"), ExportStore.lines(json, row),
                        ExportStore.attributes(json, row), row.getBigDecimal("revenue"), row.getBigDecimal("cost"),
                        row.getBigDecimal("margin"), ExportStore.instant(row, "recorded_at")), customerId)
                .rows("periods", ExportStore.PERIODS, row -> new SegmentationExport.PeriodTotals(row.getString("period"),
                        row.getBigDecimal("revenue"), row.getBigDecimal("cost"), row.getBigDecimal("margin"),
                        row.getInt("purchases"), ExportStore.instant(row, "last_purchase_at")), customerId)
                .rows("levels", ExportStore.LEVELS, row -> new SegmentationExport.Level(row.getString("period"),
                        row.getString("level"), row.getBigDecimal("revenue"), row.getBigDecimal("margin"),
                        row.getInt("purchases"), ExportStore.integer(row, "rank"), row.getString("from_level"),
                        row.getString("direction")), customerId))).build();
    }

    @Schema(name = "SegmentationErasure", description = "When segmentation-service applied the customer's erasure")
    public record Erasure(UUID customerId, Instant erasedAt) {
    }

    @GET
    @Path("/customers/{id}/erasure")
    @Operation(operationId = "getSegmentationErasure", summary = "When segmentation applied the customer's erasure",
            description = """
            Segmentation's own record of when it applied CustomerErased (or a merge into a customer erased here):
            line descriptions and visit attributes removed, new sales refused. The gateway's
            GET /api/v1/erasures/{id} asks it.""")
    @APIResponse(responseCode = "200", description = "Applied",
            content = @Content(schema = @Schema(implementation = Erasure.class)))
    @APIResponse(responseCode = "404", description = "Not applied here (yet), or never heard of")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Erasure erasure(@PathParam("id") UUID id) {
        UUID customerId = id;
        return lifecycle.erasedAt(customerId).map(at -> new Erasure(customerId, at)).orElseThrow(() ->
                ProblemException.notFound("segmentation-service has not applied an erasure of customer " + customerId));
    }
}
