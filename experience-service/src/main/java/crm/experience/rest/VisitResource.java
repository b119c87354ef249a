package crm.experience.rest;

import crm.experience.domain.VisitIds;
import crm.experience.service.CurveService;
import crm.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/experience/visits")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Visits", description = "A visit's emotion curve and the peak-end rule")
public class VisitResource {
    private final CurveService curves;

    public VisitResource(CurveService curves) {
        this.curves = curves;
    }

    @GET
    @Path("/{visitId}/curve")
    @Operation(operationId = "getVisitCurve", summary = "A visit's emotion curve with its peak, end and remembered score")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CurveResponses.VisitCurve.class)))
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public CurveResponses.VisitCurve visit(@Parameter(description = VisitIds.DESCRIPTION, example = "T-2026-1042")
            @PathParam("visitId") @Pattern(regexp = VisitIds.PATTERN, message = VisitIds.INVALID) String visitId) {
        return CurveResponses.VisitCurve.of(curves.visit(visitId));
    }
}
