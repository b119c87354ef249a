package crm.experience.rest;

import crm.experience.service.NegativeExperienceCost;
import crm.rest.ProblemException;
import crm.rest.Roles;
import crm.rest.TimeParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/experience/negative-experience-cost")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Negative experience cost", description = "Revenue lost to unhappy customers, complaining or silent")
public class NegativeExperienceCostResource {
    private static final BigDecimal MAX_REVENUE = new BigDecimal("1000000000000000");
    private final NegativeExperienceCost cost;
    private final TimeParams times;

    public NegativeExperienceCostResource(NegativeExperienceCost cost, TimeParams times) {
        this.cost = cost;
        this.times = times;
    }

    @GET
    @Operation(operationId = "getNegativeExperienceCost", summary = "Revenue lost to negative experiences", description = """
            lost = R·b·(c·Lc + (1−c)·Ls), split into complainers and the silent unhappy, with every rate it used,
            each MEASURED from this service's surveys and closed complaints in [from, to) where there is enough
            data (crm.experience.cost.min-*), else DEFAULT (crm.experience.cost.defaults.*, DOMAIN.md's example).
            b: share of surveyed customers with a satisfaction level of 1-2; c: share of those who complained
            themselves; Lc/Rc/Ac: outcomes of closed complaints; Ls: always the default. With the defaults and
            annualRevenue 50000000: 61600.00 from complainers and 4851000.00 from the silent. Also what would be
            lost if every unhappy customer complained: why making complaints easy pays.""")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = NegativeExperienceCost.Cost.class)))
    @RolesAllowed(Roles.ANALYST)
    public NegativeExperienceCost.Cost cost(
            @Parameter(description = "R, the business's yearly revenue", example = "50000000")
            @QueryParam("annualRevenue") String annualRevenue,
            @Parameter(description = TimeParams.DESCRIPTION) @QueryParam("from") String from,
            @Parameter(description = TimeParams.DESCRIPTION) @QueryParam("to") String to) {
        return cost.of(revenue(annualRevenue), times.instant("from", from), times.instant("to", to));
    }

    private static BigDecimal revenue(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid("annualRevenue", "is required");
        }
        try {
            BigDecimal revenue = new BigDecimal(value.strip());
            // Bounded, so the figures stay amounts: 1E999999999 would take the server's memory.
            if (revenue.signum() > 0 && revenue.scale() <= 2 && revenue.compareTo(MAX_REVENUE) <= 0) {
                return revenue;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid("annualRevenue", "must be a positive amount of at most 2 decimals and at most "
                + MAX_REVENUE.toPlainString() + ", e.g. 50000000");
    }
}
