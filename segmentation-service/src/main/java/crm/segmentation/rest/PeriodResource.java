package crm.segmentation.rest;

import crm.rest.Page;
import crm.rest.Roles;
import crm.segmentation.domain.PeriodClose;
import crm.segmentation.service.PeriodCloseService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/segments/periods")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Periods", description = "Closing a period: the pyramid's levels as of its end")
public class PeriodResource {
    private final PeriodCloseService closes;
    private final SecurityIdentity caller;

    public PeriodResource(PeriodCloseService closes, SecurityIdentity caller) {
        this.closes = closes;
        this.caller = caller;
    }

    public record CloseRequest(@Schema(examples = "2026-10", description = "A month or a quarter (2026-Q3)")
            @NotNull String period) {
    }

    public record PeriodResponse(String period, LocalDate firstDay, LocalDate lastDay, String metric,
            List<String> levels, int customers, int active, int changes, Instant closedAt,
            @Schema(description = "Who closed it: the caller's name, from their token", examples = "staff-3") String closedBy,
            Instant recomputedAt,
            @Schema(description = "Who recomputed it last; null until recomputed", examples = "staff-3") String recomputedBy) {

        static PeriodResponse of(PeriodClose c) {
            return new PeriodResponse(c.period, c.firstDay, c.dayAfter.minusDays(1), c.metric, c.levels, c.customers,
                    c.active, c.changes, c.closedAt, c.closedBy, c.recomputedAt, c.recomputedBy);
        }
    }

    @POST
    @Operation(operationId = "closePeriod", summary = "Close a period", description = """
            Every known customer gets exactly one level; each whose level changed gets one SegmentChanged
            event on crm.segment-change.v1. Closing again answers 200 with the same result and publishes
            nothing; recompute=true recomputes (after late transactions) and publishes only the differences.
            The caller's name is kept as closedBy (recomputedBy). A period can be closed once it has ended in
            the business's time zone (crm.segmentation.zone).""")
    @APIResponse(responseCode = "201", description = "Closed now",
            content = @Content(schema = @Schema(implementation = PeriodResponse.class)))
    @APIResponse(responseCode = "200", description = "Already closed (or recomputed)",
            content = @Content(schema = @Schema(implementation = PeriodResponse.class)))
    @APIResponse(responseCode = "409", description = """
            The period has not ended in the business's time zone (the detail says when it can be closed), or a
            recompute waited too long for the events of the earlier close""")
    @RolesAllowed(Roles.ADMIN)
    public Response close(@NotNull @Valid CloseRequest request,
            @QueryParam("recompute") @DefaultValue("false") boolean recompute) {
        PeriodCloseService.Closed closed = closes.close(Periods.parse("period", request.period()), recompute,
                caller.getPrincipal().getName());
        boolean created = closed.computed() && closed.close().recomputedAt == null;
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                .entity(PeriodResponse.of(closed.close())).build();
    }

    @GET
    @Operation(operationId = "listPeriodCloses", summary = "The closed periods, latest first")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    public Page<PeriodResponse> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return closes.closed(page, size).map(PeriodResponse::of);
    }
}
