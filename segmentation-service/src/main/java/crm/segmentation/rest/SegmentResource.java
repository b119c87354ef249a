package crm.segmentation.rest;

import crm.rest.Problem;
import crm.segmentation.service.MobilityService;
import crm.segmentation.service.Page;
import crm.segmentation.service.SegmentService;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/segments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pyramid", description = "What the customer is worth")
@APIResponse(responseCode = "400", description = "An invalid parameter, named in errors[].field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SegmentResource {
    private final SegmentService segments;
    private final MobilityService mobility;

    public SegmentResource(SegmentService segments, MobilityService mobility) {
        this.segments = segments;
        this.mobility = mobility;
    }

    public record CustomerSegmentResponse(UUID customerId,
            @Schema(description = "The level of the latest closed period; PROSPECT before any", examples = "PROSPECT") String level,
            @Schema(description = "The period that level is from; null before any close") String period,
            Instant registeredAt, Instant firstPurchaseAt, Instant lastPurchaseAt,
            List<SegmentService.PeriodLevel> levels, SegmentService.Lifetime metrics) {
    }

    @GET
    @Path("/customers/{id}")
    @Operation(summary = "A customer's level now and in every closed period, with the metrics behind it")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CustomerSegmentResponse.class)))
    @APIResponse(responseCode = "404", description = "Customer not known to segmentation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CustomerSegmentResponse customer(@PathParam("id") UUID id) {
        SegmentService.CustomerValue value = segments.customer(id);
        return new CustomerSegmentResponse(id, value.level(), value.levels().isEmpty() ? null : value.levels().get(0).period(),
                value.customer().registeredAt, value.customer().firstPurchaseAt, value.customer().lastPurchaseAt,
                value.levels(), value.lifetime());
    }

    public record PyramidResponse(String period, String metric, int customers, int active,
            java.math.BigDecimal revenue, java.math.BigDecimal margin, List<SegmentService.LevelFigures> levels) {
    }

    @GET
    @Path("/pyramid")
    @Operation(summary = "The pyramid of a closed period", description = "Per level: customers, share of customers, revenue, margin, share of revenue, cut-off value.")
    public PyramidResponse pyramid(@QueryParam("period") String period) {
        SegmentService.Pyramid pyramid = segments.pyramid(Periods.parse("period", period));
        return new PyramidResponse(pyramid.close().period, pyramid.close().metric, pyramid.close().customers,
                pyramid.close().active, pyramid.revenue(), pyramid.margin(), pyramid.levels());
    }

    @GET
    @Path("/mobility")
    @Operation(summary = "The mobility matrix between two closed periods", description = """
            Rows: level at from; columns: level at to; each cell with customers, their revenue and margin at
            to, and its share of the row. Summary: stayed, up, down, new, lost, reactivated, each with the
            change in revenue it brought.""")
    public MobilityService.Matrix mobility(@QueryParam("from") String from, @QueryParam("to") String to) {
        return mobility.between(Periods.parse("from", from), Periods.parse("to", to));
    }

    public record ChangePage(List<SegmentService.Change> items, int page, int size, long total) {
    }

    @GET
    @Path("/changes")
    @Operation(summary = "The segment changes a close found", description = "direction: UP, DOWN, NEW, LOST or REACTIVATED.")
    public ChangePage changes(@QueryParam("period") String period, @QueryParam("direction") String direction,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        Page<SegmentService.Change> changes = segments.changes(Periods.parse("period", period), direction, page, size);
        return new ChangePage(changes.items(), changes.page(), changes.size(), changes.total());
    }
}
