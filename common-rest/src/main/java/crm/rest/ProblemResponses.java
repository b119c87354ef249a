package crm.rest;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The error responses of every service's contract, written once. Every error is a {@link Problem}
 * ({@code application/problem+json}), so the contract names the schema once and each operation refers to
 * the shared responses that can really happen to it: 401 and 403 where it names roles, 404 where a path
 * names a resource, 400 where a body or query parameters can be invalid, 415 where it takes a body.
 * A resource method declares only its success responses and the errors particular to it (a 409, a
 * 412); those become problem+json here too, and any response without a description gets its reason
 * phrase, since client generators refuse a response without one. Registered for every service by
 * {@code mp.openapi.filter} in the shared defaults (common-events' microprofile-config.properties).
 */
public class ProblemResponses implements OASFilter {
    static final String SCHEMA = "Problem";
    static final String FIELD_ERROR = "FieldError";

    /** A shared response: its name under components.responses, its status and what it means here. */
    record Shared(String name, String status, String description) {
    }

    static final Shared BAD_REQUEST = new Shared("BadRequest", "400",
            "The request is invalid; errors[] names each invalid field with its message");
    static final Shared UNAUTHORIZED = new Shared("Unauthorized", "401",
            "No bearer token, or one the gateway did not sign, for another audience, or expired");
    static final Shared FORBIDDEN = new Shared("Forbidden", "403",
            "The caller lacks every role this operation allows (its security requirement lists them)");
    static final Shared NOT_FOUND = new Shared("NotFound", "404", "No resource has the id or code the path names");
    static final Shared UNSUPPORTED_MEDIA_TYPE = new Shared("UnsupportedMediaType", "415",
            "The body's Content-Type is not one this operation accepts");
    /** The descriptions Quarkus gives the 401 and 403 it adds for @RolesAllowed. */
    private static final Set<String> QUARKUS_DEFAULTS = Set.of("Not Authorized", "Not Allowed");
    static final List<Shared> ALL = List.of(BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, UNSUPPORTED_MEDIA_TYPE);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(SCHEMA, problemSchema()).addSchema(FIELD_ERROR, fieldErrorSchema());
        ALL.forEach(shared -> openAPI.getComponents().addResponse(shared.name(),
                problem(OASFactory.createAPIResponse().description(shared.description()))));
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().values().forEach(ProblemResponses::describe);
        }
    }

    private static void describe(PathItem item) {
        item.getOperations().values().forEach(operation -> describe(operation, item.getParameters()));
    }

    static void describe(Operation operation, List<Parameter> pathItemParameters) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        List<Parameter> parameters = new ArrayList<>();
        Stream.of(pathItemParameters, operation.getParameters()).filter(p -> p != null).forEach(parameters::addAll);
        boolean body = operation.getRequestBody() != null;
        if (body || parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY)) {
            refer(responses, BAD_REQUEST);
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            refer(responses, UNAUTHORIZED);
            refer(responses, FORBIDDEN);
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            refer(responses, NOT_FOUND);
        }
        if (body) {
            refer(responses, UNSUPPORTED_MEDIA_TYPE);
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (response.getRef() != null) {
                return;
            }
            if (response.getDescription() == null || response.getDescription().isBlank()) {
                response.setDescription(reasonPhrase(status));
            }
            if (status.startsWith("4") || status.startsWith("5")) {
                problem(response);
            }
        });
    }

    /**
     * Points the status at the shared response, unless the operation says something of its own about it
     * (a 403 for a till of another source). What Quarkus adds by itself says no more than the status
     * ("Not Authorized" for @RolesAllowed, "Bad Request" for @Valid), so the shared response replaces it.
     */
    private static void refer(APIResponses responses, Shared shared) {
        APIResponse own = responses.getAPIResponse(shared.status());
        if (own == null || own.getRef() == null && saysOnlyItsStatus(shared.status(), own.getDescription())) {
            responses.addAPIResponse(shared.status(), OASFactory.createAPIResponse().ref(shared.name()));
        }
    }

    private static boolean saysOnlyItsStatus(String status, String description) {
        return description == null || description.isBlank() || QUARKUS_DEFAULTS.contains(description)
                || description.equals(reasonPhrase(status));
    }

    private static APIResponse problem(APIResponse response) {
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA)));
        return response.content(content);
    }

    private static String reasonPhrase(String status) {
        try {
            Response.Status known = Response.Status.fromStatusCode(Integer.parseInt(status));
            return known != null ? known.getReasonPhrase() : "Status " + status;
        } catch (NumberFormatException e) {
            return "Any other status";
        }
    }

    /** Problem's shape; ProblemResponsesTest keeps it to the record's components. */
    static Schema problemSchema() {
        return object("An RFC 7807 problem detail", List.of(
                Map.entry("type", string("A URI naming the kind of problem").format("uri-reference")),
                Map.entry("title", string("The status's reason phrase")),
                Map.entry("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("The HTTP status")),
                Map.entry("detail", string("What went wrong, for a person to read")),
                Map.entry("instance", string("The path of the request")),
                Map.entry("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("Each invalid field with its message")
                        .items(OASFactory.createSchema().ref(FIELD_ERROR)))))
                .required(List.of("type", "title", "status"));
    }

    static Schema fieldErrorSchema() {
        return object("An invalid field and why", List.of(
                Map.entry("field", string("The field, e.g. entries[2].score")),
                Map.entry("message", string("Why it is invalid"))));
    }

    /** Properties in the record's order, as the JSON has them. */
    private static Schema object(String description, List<Map.Entry<String, Schema>> properties) {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(description);
        properties.forEach(p -> schema.addProperty(p.getKey(), p.getValue()));
        return schema;
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
