package crm.experience.rest;

import crm.experience.domain.Survey;
import crm.experience.service.AnswerSurvey;
import crm.experience.service.CreateSurvey;
import crm.experience.service.SurveyEligibility;
import crm.experience.service.SurveyResponses;
import crm.experience.service.SurveyResults;
import crm.experience.service.SurveyService;
import crm.rest.ProblemException;
import crm.rest.Roles;
import crm.rest.TimeParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/experience/surveys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Surveys", description = "Voice of the customer: short surveys")
public class SurveyResource {
    private final SurveyService surveys;
    private final SurveyResponses responses;
    private final SurveyEligibility eligibility;
    private final SurveyResults results;
    private final TimeParams times;

    public SurveyResource(SurveyService surveys, SurveyResponses responses, SurveyEligibility eligibility,
            SurveyResults results, TimeParams times) {
        this.surveys = surveys;
        this.responses = responses;
        this.eligibility = eligibility;
        this.results = results;
        this.times = times;
    }

    @POST
    @Operation(operationId = "createSurvey", summary = "Define a survey", description = """
            At most 5 questions (a sixth is a 400 naming questions). Types: SCALE_1_5, SCALE_0_10, YES_NO,
            SINGLE_CHOICE with its options. Roles, each at most once: SATISFACTION, EXPECTATION and EXPERIENCE
            (SCALE_1_5), NPS (SCALE_0_10). With a journeyCode, that journey's autoComplaints switch decides
            whether a satisfaction level of 1-2 opens a complaint; without one, it always does.""")
    @RequestBody(content = @Content(schema = @Schema(implementation = CreateSurvey.class), examples = @ExampleObject(
            name = "café exit survey", value = """
                {"name":"Café exit survey","journeyCode":"cafe-visit","questions":[
                 {"code":"q1","text":"How satisfied are you with today's visit?","type":"SCALE_1_5","required":true,"role":"SATISFACTION"},
                 {"code":"q2","text":"How likely are you to recommend us to a friend?","type":"SCALE_0_10","role":"NPS"},
                 {"code":"q3","text":"What did you expect of us?","type":"SCALE_1_5","role":"EXPECTATION"},
                 {"code":"q4","text":"What did you get?","type":"SCALE_1_5","role":"EXPERIENCE"},
                 {"code":"q5","text":"The price you paid was ... the value you received","type":"SINGLE_CHOICE",
                  "options":["LESS","EQUAL","MORE"]}]}""")))
    @APIResponse(responseCode = "201", description = "Defined; Location names it",
            content = @Content(schema = @Schema(implementation = SurveyView.class)))
    @RolesAllowed(Roles.ADMIN)
    public Response create(@NotNull @Valid CreateSurvey request) {
        Survey survey = surveys.create(request);
        return Response.status(Response.Status.CREATED).header("Location", "/api/v1/experience/surveys/" + survey.id)
                .entity(SurveyView.of(survey)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSurvey", summary = "A survey and its questions")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SurveyView.class)))
    @RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER, Roles.ANALYST})
    public SurveyView get(@PathParam("id") UUID id) {
        return SurveyView.of(surveys.get(id));
    }

    @GET
    @Path("/{id}/eligibility")
    @Operation(operationId = "getSurveyEligibility", summary = "Whether to ask this customer now, and why not", description = """
            Not within the quiet period after their last answer to any survey (crm.experience.survey.quiet-period),
            nor while a complaint of theirs is open. Reasons: QUIET_PERIOD, OPEN_COMPLAINT. Advice only: a survey
            is never forced, and an answer given anyway is recorded.""")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SurveyEligibility.Eligibility.class)))
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public SurveyEligibility.Eligibility eligibility(@PathParam("id") UUID id, @QueryParam("customerId") UUID customerId) {
        if (customerId == null) {
            throw ProblemException.invalid("customerId", "is required");
        }
        return eligibility.of(id, customerId);
    }

    @POST
    @Path("/{id}/responses")
    @Operation(operationId = "answerSurvey", summary = "Record a response", description = """
            Answers by question code, checked by type and range; a required question must be answered. A retry
            with the same responseId or Idempotency-Key records once (200 with the first result); the same key with
            other content is a 409. Publishes SurveyAnswered on crm.experience.v2 (keyed by the customer, the
            response when anonymous). A satisfaction level of 1-2 opens a complaint (closed loop) unless the
            survey's journey switches it off. A customerId merged into another customer stands for the survivor:
            the response, the answer and the event name the survivor's id. A response naming a customer erased here
            is stored as an anonymous guest's: without the customer and without the comment.""")
    @RequestBody(content = @Content(schema = @Schema(implementation = AnswerSurvey.class), examples = @ExampleObject(
            name = "unhappy guest", value = """
                {"responseId":"3d6f0c2a-1b7e-4f59-8a2d-9c4e5b6a7f10","customerId":"6f1c2a9e-5b1d-4c1e-9a57-3f0f5a1f2b11",
                 "visitId":"0b7e4a52-3c1f-4f7e-9d55-6a0c2b9d1e21","answeredAt":"2026-10-14T10:58:00Z",
                 "answers":{"q1":2,"q2":6,"q3":4,"q4":2,"q5":"MORE"},"comment":"The latte was cold"}""")))
    @APIResponse(responseCode = "201", description = "Recorded; Location names it",
            content = @Content(schema = @Schema(implementation = ResponseView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the response recorded the first time",
            content = @Content(schema = @Schema(implementation = ResponseView.class)))
    @APIResponse(responseCode = "409", description = "The responseId or Idempotency-Key was used for a different response")
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public Response answer(@PathParam("id") UUID id,
            @Parameter(description = "Makes a retried request safe, like responseId")
            @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) String idempotencyKey,
            @NotNull @Valid AnswerSurvey request) {
        SurveyResponses.Answered answered = responses.answer(id, request, idempotencyKey);
        return Response.status(answered.created() ? Response.Status.CREATED : Response.Status.OK)
                .header("Location", "/api/v1/experience/surveys/" + id + "/responses/" + answered.response().id)
                .entity(ResponseView.of(answered.response(), answered.complaintId())).build();
    }

    @GET
    @Path("/{id}/responses/{responseId}")
    @Operation(operationId = "getSurveyResponse", summary = "A recorded response")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ResponseView.class)))
    @RolesAllowed({Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER})
    public ResponseView response(@PathParam("id") UUID id, @PathParam("responseId") UUID responseId) {
        SurveyResponses.Answered answered = responses.get(id, responseId);
        return ResponseView.of(answered.response(), answered.complaintId());
    }

    @GET
    @Path("/{id}/results")
    @Operation(operationId = "getSurveyResults", summary = "What the answers say", description = """
            Over responses answered in [from, to) (ISO instants, both optional): the distribution of satisfaction
            levels 1..5, the share of 5s and of 1-2s (fractions with 4 decimals), the mean level, NPS = % 9-10
            minus % 0-6 (points, 2 decimals), and the mean satisfaction gap experience − expectation.""")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SurveyResults.Results.class)))
    @RolesAllowed(Roles.ANALYST)
    public SurveyResults.Results results(@PathParam("id") UUID id,
            @Parameter(description = TimeParams.DESCRIPTION) @QueryParam("from") String from,
            @Parameter(description = TimeParams.DESCRIPTION) @QueryParam("to") String to) {
        return results.of(id, times.instant("from", from), times.instant("to", to));
    }
}
