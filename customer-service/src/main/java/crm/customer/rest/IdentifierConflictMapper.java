package crm.customer.rest;

import crm.rest.ProblemException;
import crm.rest.ProblemMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Two registrations racing for the same phone or e-mail: the loser gets 409, as if it had come second. */
public class IdentifierConflictMapper {
    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response conflict(ConstraintViolationException e, UriInfo uri) {
        if ("customer_identifier_kind_value".equals(e.getConstraintName())) {
            return problems.problem(ProblemException.conflict("identifier", "already identifies another customer"), uri);
        }
        return problems.unexpected(e, uri);
    }
}
