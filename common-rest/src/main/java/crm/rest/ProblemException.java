package crm.rest;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** A rule broken by the request: becomes a problem+json response with its status. */
public class ProblemException extends RuntimeException {
    private final Response.StatusType status;
    private final List<Problem.FieldError> errors;

    public ProblemException(Response.StatusType status, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(Response.StatusType status, String detail) {
        this(status, detail, List.of());
    }

    /** 400 for one invalid field. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Response.Status.BAD_REQUEST, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** 409 for a request that contradicts what is stored, naming the field. */
    public static ProblemException conflict(String field, String message) {
        return new ProblemException(Response.Status.CONFLICT, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** 400 for a body Jackson could not map, naming the field by its JSON path ({@code lines[2].quantity}). */
    public static ProblemException unreadable(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
        StreamConstraintsException limit = e.getCause() instanceof StreamConstraintsException cause ? cause : null;
        if (field.isEmpty()) {
            return new ProblemException(Response.Status.BAD_REQUEST, limit != null ? beyondLimits(limit)
                    : "The request body is not valid JSON for this resource");
        }
        String message;
        if (limit != null) {
            message = "is beyond what any request may be: " + StrictJson.limit(limit);
        } else if (e instanceof StrictJson.ControlCharacter) {
            message = ControlCharacters.MESSAGE;
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants());
        } else if (e instanceof InvalidFormatException invalid) {
            message = "must be a valid " + invalid.getTargetType().getSimpleName();
        } else {
            message = "has the wrong type";
        }
        return invalid(field, message);
    }

    /** The detail of a 400 for a body beyond {@link StrictJson}'s limits where no field can be named. */
    static String beyondLimits(StreamConstraintsException e) {
        return "The body is beyond what any request may be: " + StrictJson.limit(e);
    }

    /** 403 for a caller who holds none of these roles: the detail names the roles that would do. */
    public static ProblemException needsRole(Collection<String> roles) {
        return needsRole(roles, List.of());
    }

    /** 403 naming the roles that would do and the fields whose values need one of them. */
    public static ProblemException needsRole(Collection<String> roles, List<Problem.FieldError> errors) {
        return new ProblemException(Response.Status.FORBIDDEN,
                "This needs the role " + String.join(" or ", roles.stream().sorted().toList()), errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Response.Status.NOT_FOUND, detail);
    }

    public Response.StatusType status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
