package crm.experience.rest;

import crm.experience.domain.Cohort;
import crm.experience.service.AnalysisScope;
import crm.experience.service.CurveService;
import crm.experience.service.MomentsOfTruthService;
import crm.rest.Problem;
import crm.rest.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/experience")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Emotion curves", description = "Visit and journey curves, the peak-end rule, moments of truth")
@APIResponse(responseCode = "404", description = "No such visit or journey",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CurveResource {
    private static final String WINDOW = "Visits that started in [from, to): ISO instants, e.g. 2026-10-01T00:00:00Z";

    private final CurveService curves;
    private final MomentsOfTruthService moments;

    public CurveResource(CurveService curves, MomentsOfTruthService moments) {
        this.curves = curves;
        this.moments = moments;
    }

    @GET
    @Path("/visits/{visitId}/curve")
    @Operation(summary = "A visit's emotion curve with its peak, end and remembered score")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CurveResponses.VisitCurve.class)))
    public CurveResponses.VisitCurve visit(@PathParam("visitId") UUID visitId) {
        return CurveResponses.VisitCurve.of(curves.visit(visitId));
    }

    @GET
    @Path("/journeys/{code}/curve")
    @Operation(summary = "A journey's curve for a cohort: mean score and count per touch point", description = """
            A visit is RETURNING when its customer bought before it (TransactionRecorded) or had an earlier visit
            logged here, otherwise NEW. Anonymous visits (no customer) are neither: they count in ALL only.
            Covers every version of the journey, in the latest version's order.""")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CurveResponses.JourneyCurve.class)))
    @APIResponse(responseCode = "400", description = "An invalid parameter, named in errors[].field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CurveResponses.JourneyCurve journey(@PathParam("code") String code,
            @Parameter(description = "NEW, RETURNING or ALL (default)") @QueryParam("cohort") String cohort,
            @Parameter(description = WINDOW) @QueryParam("from") String from,
            @Parameter(description = WINDOW) @QueryParam("to") String to,
            @Parameter(description = "Only visits logged at this store") @QueryParam("store") String store) {
        Cohort which = cohort(cohort);
        AnalysisScope scope = scope(code, from, to, store);
        return CurveResponses.JourneyCurve.of(curves.journey(scope, which), which, scope.from(), scope.to(), scope.store());
    }

    @GET
    @Path("/journeys/{code}/moments-of-truth")
    @Operation(summary = "Touch points ranked by how often they are a visit's negative peak, positive peak and end")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CurveResponses.Moments.class)))
    @APIResponse(responseCode = "400", description = "An invalid parameter, named in errors[].field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CurveResponses.Moments moments(@PathParam("code") String code,
            @Parameter(description = WINDOW) @QueryParam("from") String from,
            @Parameter(description = WINDOW) @QueryParam("to") String to) {
        AnalysisScope scope = scope(code, from, to, null);
        return CurveResponses.Moments.of(code, scope.from(), scope.to(), moments.rank(scope));
    }

    private static AnalysisScope scope(String code, String from, String to, String store) {
        Instant start = Queries.instant("from", from);
        Instant end = Queries.instant("to", to);
        return new AnalysisScope(code, start, end, store == null || store.isBlank() ? null : store.strip());
    }

    private static Cohort cohort(String value) {
        if (value == null || value.isBlank()) {
            return Cohort.ALL;
        }
        try {
            return Cohort.valueOf(value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cohort", "must be one of " + Arrays.toString(Cohort.values()));
        }
    }
}
