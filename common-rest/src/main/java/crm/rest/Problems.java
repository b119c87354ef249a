package crm.rest;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem+json responses; every error this API returns goes through here. */
public final class Problems {

    private Problems() {
    }

    public static Response response(Response.StatusType status, String detail, String instance,
            List<Problem.FieldError> errors) {
        Problem problem = new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail,
                instance, errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
