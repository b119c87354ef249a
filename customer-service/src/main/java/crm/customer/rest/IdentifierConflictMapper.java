package crm.customer.rest;

import crm.rest.Problem;
import crm.rest.ProblemMappers;
import crm.rest.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Two requests racing for the same identifier: the loser gets the 409 it would have got had it
 * come second, naming the same field (phone, email; value for other kinds).
 */
public class IdentifierConflictMapper {
    private static final Pattern KIND = Pattern.compile("\\(kind, value\\)=\\((\\w+),");

    @ServerExceptionMapper
    public Response conflict(ConstraintViolationException e, UriInfo uri) {
        if (!"customer_identifier_kind_value".equals(e.getConstraintName())) {
            return new ProblemMappers().unexpected(e, uri);
        }
        Matcher kind = KIND.matcher(String.valueOf(e.getSQLException().getMessage()));
        String field = !kind.find() ? "value" : switch (kind.group(1)) {
            case "PHONE", "EMAIL" -> kind.group(1).toLowerCase(Locale.ROOT);
            default -> "value";
        };
        String message = "already identifies another customer";
        return Problems.response(Response.Status.CONFLICT, field + ": " + message, uri.getPath(),
                List.of(new Problem.FieldError(field, message)));
    }
}
