package crm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    @Test
    void theProblemSchemaHasTheFieldsOfTheProblemRecordInItsOrder() {
        assertEquals(names(Problem.class), List.copyOf(ProblemResponses.problemSchema().getProperties().keySet()));
        assertEquals(names(Problem.FieldError.class),
                List.copyOf(ProblemResponses.fieldErrorSchema().getProperties().keySet()));
    }

    @Test
    void theDocumentGetsTheProblemSchemaAndTheSharedResponsesOnce() {
        OpenAPI openAPI = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/a/{id}", OASFactory.createPathItem().GET(secured(OASFactory.createOperation())))
                .addPathItem("/b/{id}", OASFactory.createPathItem().GET(secured(OASFactory.createOperation()))));
        new ProblemResponses().filterOpenAPI(openAPI);
        assertEquals(List.of("BadRequest", "Unauthorized", "Forbidden", "NotFound", "UnsupportedMediaType"),
                List.copyOf(openAPI.getComponents().getResponses().keySet()));
        assertEquals("#/components/schemas/Problem", openAPI.getComponents().getResponses().get("NotFound")
                .getContent().getMediaType(Problem.MEDIA_TYPE).getSchema().getRef());
        assertEquals(List.of("FieldError", "Problem"), openAPI.getComponents().getSchemas().keySet().stream().sorted().toList());
    }

    @Test
    void aSecuredOperationWithAPathParameterAndABodyRefersToEachErrorThatCanHappenToIt() {
        Operation operation = secured(OASFactory.createOperation())
                .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH))
                .requestBody(OASFactory.createRequestBody())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("The customer"))
                        .addAPIResponse("400", OASFactory.createAPIResponse().description("Bad Request"))
                        .addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized")));
        ProblemResponses.describe(operation, null);
        Map<String, APIResponse> responses = operation.getResponses().getAPIResponses();
        assertEquals(Map.of("400", "BadRequest", "401", "Unauthorized", "403", "Forbidden", "404", "NotFound",
                "415", "UnsupportedMediaType"), refs(responses));
        assertEquals("The customer", responses.get("200").getDescription());
        assertNull(responses.get("200").getRef());
    }

    @Test
    void anOperationsOwnDescriptionOfASharedStatusStays() {
        Operation operation = secured(OASFactory.createOperation()).responses(OASFactory.createAPIResponses()
                .addAPIResponse("403", OASFactory.createAPIResponse().description("Another source than the caller's")));
        ProblemResponses.describe(operation, null);
        APIResponse forbidden = operation.getResponses().getAPIResponse("403");
        assertNull(forbidden.getRef());
        assertEquals("Another source than the caller's", forbidden.getDescription());
        assertEquals("#/components/schemas/Problem",
                forbidden.getContent().getMediaType(Problem.MEDIA_TYPE).getSchema().getRef());
    }

    @Test
    void anOperationsOwnErrorStaysButBecomesProblemJsonAndAResponseWithoutADescriptionGetsItsReasonPhrase() {
        Operation operation = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("phone").in(Parameter.In.QUERY))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("201", OASFactory.createAPIResponse())
                        .addAPIResponse("409", OASFactory.createAPIResponse().description("Another customer holds it")));
        ProblemResponses.describe(operation, null);
        Map<String, APIResponse> responses = operation.getResponses().getAPIResponses();
        assertEquals("Created", responses.get("201").getDescription());
        assertEquals("Another customer holds it", responses.get("409").getDescription());
        assertEquals("#/components/schemas/Problem",
                responses.get("409").getContent().getMediaType(Problem.MEDIA_TYPE).getSchema().getRef());
        assertEquals(Map.of("400", "BadRequest"), refs(responses));
    }

    private static Operation secured(Operation operation) {
        return operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer", Roles.ADMIN));
    }

    private static Map<String, String> refs(Map<String, APIResponse> responses) {
        return responses.entrySet().stream().filter(e -> e.getValue().getRef() != null).collect(
                java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().getRef().substring("#/components/responses/".length())));
    }

    private static List<String> names(Class<? extends Record> record) {
        return Stream.of(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
