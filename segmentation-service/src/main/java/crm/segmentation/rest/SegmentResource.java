package crm.segmentation.rest;

import crm.rest.Page;
import crm.rest.Roles;
import crm.segmentation.domain.CustomerSegment;
import crm.segmentation.service.AssessmentService;
import crm.segmentation.service.MobilityService;
import crm.segmentation.service.SegmentService;
import crm.segmentation.service.StrategyService;
import crm.segmentation.service.ValueCardService;
import crm.segmentation.service.ValueMetrics;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
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
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Segments", description = "What the customer is worth: levels, pyramid, mobility, strategies")
public class SegmentResource {
    private final SegmentService segments;
    private final MobilityService mobility;
    private final AssessmentService assessments;
    private final StrategyService strategies;
    private final ValueCardService cards;
    private final SecurityIdentity caller;

    public SegmentResource(SegmentService segments, MobilityService mobility, AssessmentService assessments,
            StrategyService strategies, ValueCardService cards, SecurityIdentity caller) {
        this.segments = segments;
        this.mobility = mobility;
        this.assessments = assessments;
        this.strategies = strategies;
        this.cards = cards;
        this.caller = caller;
    }

    public record CustomerSegmentResponse(UUID customerId,
            @Schema(description = "The level of the latest closed period; PROSPECT before any", examples = "PROSPECT") String level,
            @Schema(description = "The period that level is from; null before any close") String period,
            @Schema(description = "False while customer-service's registration has not reached this service: the customer is known from a sale, a wallet or an assessment")
            boolean confirmed,
            Instant registeredAt, Instant firstPurchaseAt, Instant lastPurchaseAt,
            List<SegmentService.PeriodLevel> levels, SegmentService.Lifetime metrics,
            @Schema(description = "As of the end of the latest closed period; null before any close")
            ValueMetrics.Value value, Assessment assessment) {
    }

    public record Assessment(
            @Schema(description = "The customer it is kept for: the survivor when the id sent was merged into another")
            UUID customerId, BigDecimal wallet, String walletCurrency, Instant walletUpdatedAt,
            @Schema(description = "Who set the wallet: the caller's name, from their token", examples = "manager-7")
            String walletUpdatedBy,
            CustomerSegment.Fit capabilityFit, CustomerSegment.Needs needs,
            @Schema(description = "Who assessed: the caller's name, from their token", examples = "manager-7")
            String assessedBy, Instant assessedAt) {

        static Assessment of(CustomerSegment c) {
            return new Assessment(c.customerId, c.wallet, c.walletCurrency, c.walletUpdatedAt, c.walletUpdatedBy, c.capabilityFit,
                    c.needs, c.assessedBy, c.assessedAt);
        }
    }

    @GET
    @Path("/customers/{id}")
    @Operation(operationId = "getCustomerValue", summary = "A customer's level now and in every closed period, with the metrics behind it")
    @APIResponse(responseCode = "200", description = "The customer's value",
            content = @Content(schema = @Schema(implementation = CustomerSegmentResponse.class)))
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public CustomerSegmentResponse customer(@PathParam("id") UUID id) {
        SegmentService.CustomerValue value = segments.customer(id);
        return new CustomerSegmentResponse(id, value.level(), value.levels().isEmpty() ? null : value.levels().get(0).period(),
                value.customer().unconfirmedSince == null, value.customer().registeredAt, value.customer().firstPurchaseAt, value.lastPurchaseAt(),
                value.levels(), value.lifetime(), value.value(), Assessment.of(value.customer()));
    }

    @GET
    @Path("/customers/{id}/card-section")
    @Operation(operationId = "getValueCardSection", summary = "Segmentation's section of the front-desk card", description = """
            The customer's level at the last close they have one at and at the close before, the direction,
            RFM code and lifetime value as of that close, the latest purchase, and next best actions (WIN_BACK,
            DEVELOP, DELIGHT). A customer segmentation does not know yet is 200 with known false.""")
    @APIResponse(responseCode = "200", description = "The customer's card section",
            content = @Content(schema = @Schema(implementation = ValueCardSection.class)))
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public ValueCardSection cardSection(@PathParam("id") UUID id) {
        UUID customerId = id;
        return ValueCardSection.of(customerId, cards.of(customerId));
    }

    public record PyramidResponse(String period, String metric, int customers, int active,
            @Schema(description = "Of the active customers, those customer-service has not confirmed yet (known here from their sales): ranked alike, what they bought is real")
            long unconfirmed,
            BigDecimal revenue, BigDecimal margin, List<SegmentService.LevelFigures> levels) {
    }

    @GET
    @Path("/pyramid")
    @Operation(operationId = "getPyramid", summary = "The pyramid of a closed period", description = "Per level: customers, share of customers, revenue, margin, share of revenue, cut-off value.")
    @RolesAllowed(Roles.ANALYST)
    public PyramidResponse pyramid(@QueryParam("period") String period) {
        SegmentService.Pyramid pyramid = segments.pyramid(Periods.parse("period", period));
        return new PyramidResponse(pyramid.close().period, pyramid.close().metric, pyramid.close().customers,
                pyramid.close().active, pyramid.unconfirmed(), pyramid.revenue(), pyramid.margin(), pyramid.levels());
    }

    @GET
    @Path("/mobility")
    @Operation(operationId = "getMobility", summary = "The mobility matrix between two closed periods", description = """
            Rows: level at from; columns: level at to; each cell with customers, their revenue and margin at
            to, and its share of the row. Summary: stayed, up, down, new, lost, reactivated, each with the
            change in revenue it brought.""")
    @RolesAllowed(Roles.ANALYST)
    public MobilityService.Matrix mobility(@QueryParam("from") String from, @QueryParam("to") String to) {
        return mobility.between(Periods.parse("from", from), Periods.parse("to", to));
    }

    @GET
    @Path("/strategies")
    @Operation(operationId = "getStrategies", summary = "A strategy grid of a closed period", description = """
            grid: RAD (share of wallet × wallet size), SELECTION (value × capability fit), MARKETING_MODE
            (value × needs), LOYALTY (repeat purchase × delight). Counts per cell, and the members of one
            cell (or of all, or one customer's cell) a page at a time.""")
    @RolesAllowed(Roles.ANALYST)
    public StrategyService.Grids strategies(@QueryParam("period") String period, @QueryParam("grid") String grid,
            @QueryParam("cell") String cell, @QueryParam("customerId") UUID customerId,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return strategies.of(Periods.parse("period", period), grid(grid), cell, customerId, page, size);
    }

    private static StrategyService.Grid grid(String grid) {
        try {
            return StrategyService.Grid.valueOf(grid == null ? "" : grid.strip());
        } catch (IllegalArgumentException e) {
            throw crm.rest.ProblemException.invalid("grid", "must be one of "
                    + java.util.Arrays.toString(StrategyService.Grid.values()));
        }
    }

    @GET
    @Path("/changes")
    @Operation(operationId = "listChanges", summary = "The segment changes a close found", description = "direction: UP, DOWN, NEW, LOST or REACTIVATED.")
    @RolesAllowed(Roles.ANALYST)
    public Page<SegmentService.Change> changes(@QueryParam("period") String period, @QueryParam("direction") String direction,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return segments.changes(Periods.parse("period", period), direction, page, size);
    }

    public record WalletRequest(
            @Schema(description = "The customer's yearly spend in the category at all suppliers", examples = "120000.00")
            @NotNull @Digits(integer = 15, fraction = 4) BigDecimal amount,
            @Schema(examples = "CNY") @NotBlank String currency) {
    }

    public record AssessmentRequest(@NotNull CustomerSegment.Fit capabilityFit, @NotNull CustomerSegment.Needs needs) {
    }

    @PUT
    @Path("/customers/{id}/wallet")
    @Operation(operationId = "setWallet", summary = "Set the customer's wallet", description = """
            For share of wallet = our revenue of the last 12 months ÷ wallet. The caller's name is kept as
            walletUpdatedBy.""")
    @APIResponse(responseCode = "200", description = "What is now entered about the customer",
            content = @Content(schema = @Schema(implementation = Assessment.class)))
    @APIResponse(responseCode = "410", description = "The customer was erased; nothing stored")
    @RolesAllowed(Roles.ACCOUNT_MANAGER)
    public Assessment wallet(@PathParam("id") UUID id, @NotNull @Valid WalletRequest request) {
        return Assessment.of(assessments.wallet(id, request.amount(), request.currency(),
                caller.getPrincipal().getName()));
    }

    @PUT
    @Path("/customers/{id}/assessment")
    @Operation(operationId = "setAssessment", summary = "Assess how well our capabilities fit the customer and how individual their needs are",
            description = "The caller's name is kept as assessedBy.")
    @APIResponse(responseCode = "200", description = "What is now entered about the customer",
            content = @Content(schema = @Schema(implementation = Assessment.class)))
    @APIResponse(responseCode = "410", description = "The customer was erased; nothing stored")
    @RolesAllowed(Roles.ACCOUNT_MANAGER)
    public Assessment assess(@PathParam("id") UUID id, @NotNull @Valid AssessmentRequest request) {
        return Assessment.of(assessments.assess(id, request.capabilityFit(), request.needs(),
                caller.getPrincipal().getName()));
    }
}
