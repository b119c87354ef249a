package crm.rest;

import jakarta.ws.rs.core.Response;
import java.util.List;

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
