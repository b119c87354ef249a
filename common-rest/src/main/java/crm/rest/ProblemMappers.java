package crm.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure to problem+json: bad input to 400 naming the field, rule violations to
 * their status, and anything unexpected to a 500 that reveals nothing internal.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return Problems.response(e.status(), e.getMessage(), path(uri), e.errors());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return Problems.response(Response.Status.BAD_REQUEST, detail, path(uri), errors);
    }

    // Named explicitly so these win over the JSON mappers quarkus-rest-jackson ships.
    @ServerExceptionMapper({JsonMappingException.class, MismatchedInputException.class, InvalidFormatException.class})
    public Response unreadable(JsonMappingException e, UriInfo uri) {
        return problem(ProblemException.unreadable(e), uri);
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, UriInfo uri) {
        return Problems.response(Response.Status.BAD_REQUEST, "Malformed JSON: " + e.getOriginalMessage(), path(uri),
                List.of());
    }

    /** A body beyond what a request of the API can be: too deeply nested, a number or a text too long. */
    @ServerExceptionMapper
    public Response beyondLimits(StreamConstraintsException e, UriInfo uri) {
        return Problems.response(Response.Status.BAD_REQUEST, ProblemException.beyondLimits(e), path(uri), List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // quarkus-rest reports a body it could not parse as a bare 400 with the parser's exception as cause.
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unreadable(mapping, uri);
        }
        if (e.getCause() instanceof JsonParseException parse) {
            return malformed(parse, uri);
        }
        if (e.getCause() instanceof StreamConstraintsException limits) {
            return beyondLimits(limits, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Problems.response(status, e.getMessage(), path(uri), List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "Unexpected failure on %s", path(uri));
        return Problems.response(Response.Status.INTERNAL_SERVER_ERROR, "An unexpected error occurred", path(uri),
                List.of());
    }

    /**
     * The property path as the client wrote it ({@code lines[2].quantity}), without the Java method
     * and parameter names; a violated query or path parameter is named by itself ({@code size}).
     */
    static String field(ConstraintViolation<?> violation) {
        String parameter = null;
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT
                    || node.getKind() == ElementKind.BEAN) {
                if (node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                }
                if (node.getName() != null) {
                    field.append(field.isEmpty() ? "" : ".").append(node.getName());
                }
            }
        }
        return field.isEmpty() ? parameter : field.toString();
    }

    static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
