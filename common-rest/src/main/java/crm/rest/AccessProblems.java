package crm.rest;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Security failures as problem+json, never a 500. No token, or one that is not valid (wrong
 * signature, issuer or audience, expired): 401 with {@code WWW-Authenticate: Bearer}. A caller
 * without the role a route needs: 403 naming the roles its {@code @RolesAllowed} lets in. These
 * apply because services authenticate lazily ({@code quarkus.http.auth.proactive=false}), inside
 * JAX-RS. Neither the token nor why it was refused is logged or told.
 */
public class AccessProblems {
    static final String CHALLENGE = "Bearer";

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return challenge("This needs a bearer token", uri);
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, AuthenticationCompletionException.class})
    public Response invalid(RuntimeException e, UriInfo uri) {
        return challenge("The bearer token is not valid: unsigned by the gateway, for another audience, or expired", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ResourceInfo resource, UriInfo uri) {
        RolesAllowed allowed = rolesAllowed(resource);
        ProblemException problem = allowed == null
                ? new ProblemException(Response.Status.FORBIDDEN, "This caller may not do this")
                : ProblemException.needsRole(List.of(allowed.value()));
        return Problems.response(problem.status(), problem.getMessage(), ProblemMappers.path(uri), problem.errors());
    }

    private static Response challenge(String detail, UriInfo uri) {
        Response problem = Problems.response(Response.Status.UNAUTHORIZED, detail, ProblemMappers.path(uri), List.of());
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }

    /** The method's own annotation, else its class's; null when the route has none (deny-unannotated-endpoints). */
    private static RolesAllowed rolesAllowed(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        return allowed != null ? allowed : method.getDeclaringClass().getAnnotation(RolesAllowed.class);
    }
}
