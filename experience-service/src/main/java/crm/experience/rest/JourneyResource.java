package crm.experience.rest;

import crm.experience.domain.Cohort;
import crm.experience.domain.Journey;
import crm.experience.service.AnalysisScope;
import crm.experience.service.CurveService;
import crm.experience.service.DefineJourney;
import crm.experience.service.JourneyService;
import crm.experience.service.MomentsOfTruthService;
import crm.rest.Page;
import crm.rest.Roles;
import crm.rest.TimeParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/experience/journeys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Journeys", description = "Journeys as ordered chains of touch points, versioned")
public class JourneyResource {
    static final int MAX_PAGE_SIZE = 100;
    private static final String EXAMPLE = """
            {"code":"cafe-visit","name":"Café visit","autoComplaints":true,"touchPoints":[
              {"code":"location","name":"Location","channel":"STORE","need":"CONVENIENCE","brandType":"UNBRANDED"},
              {"code":"welcome","name":"Welcome at the door","channel":"STORE","need":"RELATIONSHIP","brandType":"BRANDED"},
              {"code":"queue","name":"Queue at the counter","channel":"STORE","need":"CONVENIENCE","brandType":"UNBRANDED"},
              {"code":"taste","name":"Taste of the coffee","channel":"STORE","need":"PRODUCT","brandType":"BRANDED"}]}""";

    private static final String WINDOW = "Visits that started in [from, to). " + TimeParams.DESCRIPTION;

    private final JourneyService journeys;
    private final CurveService curves;
    private final MomentsOfTruthService moments;
    private final TimeParams times;

    public JourneyResource(JourneyService journeys, CurveService curves, MomentsOfTruthService moments,
            TimeParams times) {
        this.journeys = journeys;
        this.curves = curves;
        this.moments = moments;
        this.times = times;
    }

    @POST
    @Operation(operationId = "defineJourney", summary = "Define a journey", description = "Its first version. Touch-point codes are unique within it.")
    @RequestBody(content = @Content(schema = @Schema(implementation = DefineJourney.class),
            examples = @ExampleObject(name = "café visit", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Defined: version 1",
            content = @Content(schema = @Schema(implementation = JourneyResponse.class)))
    @APIResponse(responseCode = "409", description = "A journey with this code exists")
    @RolesAllowed(Roles.ADMIN)
    public Response create(@NotNull @Valid DefineJourney request) {
        return created(journeys.create(request));
    }

    @PUT
    @Path("/{code}")
    @Operation(operationId = "reviseJourney", summary = "Change a journey: a new version", description = """
            Logs keep the version they were recorded against. A body equal to the latest version makes no new
            version and answers 200 with it (a retry is safe).""")
    @RequestBody(content = @Content(schema = @Schema(implementation = DefineJourney.class),
            examples = @ExampleObject(name = "café visit", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The new version",
            content = @Content(schema = @Schema(implementation = JourneyResponse.class)))
    @APIResponse(responseCode = "200", description = "Unchanged: the latest version",
            content = @Content(schema = @Schema(implementation = JourneyResponse.class)))
    @RolesAllowed(Roles.ADMIN)
    public Response revise(@PathParam("code") String code, @NotNull @Valid DefineJourney request) {
        JourneyService.Revision revision = journeys.revise(code, request);
        return revision.created() ? created(revision.journey()) : Response.ok(JourneyResponse.of(revision.journey())).build();
    }

    @GET
    @Operation(operationId = "listJourneys", summary = "The latest version of every journey, by code")
    @RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER, Roles.POS, Roles.ANALYST})
    public Page<JourneyResponse> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        Page.check(page, size, MAX_PAGE_SIZE);
        return journeys.list(page, size).map(JourneyResponse::of);
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getJourney", summary = "A journey: its latest version, or the one asked for")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JourneyResponse.class)))
    @RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER, Roles.POS, Roles.ANALYST})
    public JourneyResponse get(@PathParam("code") String code,
            @Parameter(description = "A version number; the latest when left out") @QueryParam("version") String version) {
        return JourneyResponse.of(version == null || version.isBlank() ? journeys.latest(code)
                : journeys.version(code, Queries.positive("version", version)));
    }

    @GET
    @Path("/{code}/curve")
    @Operation(operationId = "getJourneyCurve", summary = "A journey's curve for a cohort: mean score and count per touch point", description = """
            A visit is RETURNING when its customer bought before it (TransactionRecorded) or had an earlier visit
            logged here, otherwise NEW. Anonymous visits (no customer) are neither: they count in ALL only.
            Covers every version of the journey, in the latest version's order.""")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CurveResponses.JourneyCurve.class)))
    @RolesAllowed(Roles.ANALYST)
    public CurveResponses.JourneyCurve journey(@PathParam("code") String code,
            @Parameter(description = "NEW, RETURNING or ALL (default)") @QueryParam("cohort") String cohort,
            @Parameter(description = WINDOW) @QueryParam("from") String from,
            @Parameter(description = WINDOW) @QueryParam("to") String to,
            @Parameter(description = "Only visits logged at this store") @QueryParam("store") String store) {
        Cohort which = Queries.cohort(cohort);
        AnalysisScope scope = Queries.scope(times, code, from, to, store);
        return CurveResponses.JourneyCurve.of(curves.journey(scope, which), which, scope.from(), scope.to(), scope.store());
    }

    @GET
    @Path("/{code}/moments-of-truth")
    @Operation(operationId = "getMomentsOfTruth", summary = "Touch points ranked by how often they are a visit's negative peak, positive peak and end")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CurveResponses.Moments.class)))
    @RolesAllowed(Roles.ANALYST)
    public CurveResponses.Moments moments(@PathParam("code") String code,
            @Parameter(description = WINDOW) @QueryParam("from") String from,
            @Parameter(description = WINDOW) @QueryParam("to") String to) {
        AnalysisScope scope = Queries.scope(times, code, from, to, null);
        return CurveResponses.Moments.of(code, scope.from(), scope.to(), moments.rank(scope));
    }

    /** Relative, like every Location here: it holds behind the gateway too. */
    private static Response created(Journey journey) {
        return Response.status(Response.Status.CREATED).header("Location", UriBuilder
                        .fromPath("/api/v1/experience/journeys/{code}").queryParam("version", journey.version)
                        .build(journey.code).toString())
                .entity(JourneyResponse.of(journey)).build();
    }
}
