package crm.gateway.security;

import crm.gateway.keys.ApiKeySecret;
import crm.gateway.keys.ApiKeys;
import crm.rest.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Context;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code /api/**} request passes here first: its bearer token is checked (an API key, or an
 * identity provider's access token), the caller's rate limit taken, the route's roles checked,
 * and the caller's own token replaced by one the gateway signs, so the services learn who calls
 * and can trust it. Anything refused is a problem+json answer; nothing refused reaches a service.
 */
@ApplicationScoped
public class FrontDoor {
    /** Runs before the proxy's routes and the gateway's own resources. */
    static final int ORDER = -1_000;
    private static final String BEARER = "Bearer ";

    private final ApiKeys apiKeys;
    private final OidcCallers oidc;
    private final RateLimiter limiter;
    private final ServiceTokens tokens;
    private final long maxBodySize;

    public FrontDoor(ApiKeys apiKeys, OidcCallers oidc, RateLimiter limiter, ServiceTokens tokens,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.apiKeys = apiKeys;
        this.oidc = oidc;
        this.limiter = limiter;
        this.tokens = tokens;
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        String token;
        try {
            token = bearerToken(ctx.request());
        } catch (Refusal refusal) {
            refuse(ctx, refusal);
            return;
        }
        if (ApiKeySecret.looksLikeKey(token)) {
            try {
                admit(ctx, apiKeys.authenticate(token));
            } catch (Refusal refusal) {
                refuse(ctx, refusal);
            }
            return;
        }
        // The identity provider's check may wait for its keys: hold the body until it is done.
        Context context = ctx.vertx().getOrCreateContext();
        ctx.request().pause();
        oidc.authenticate(token, ctx).subscribe().with(
                caller -> context.runOnContext(v -> {
                    ctx.request().resume();
                    try {
                        admit(ctx, caller);
                    } catch (Refusal refusal) {
                        refuse(ctx, refusal);
                    }
                }),
                failure -> context.runOnContext(v -> refuse(ctx, failure instanceof Refusal refusal ? refusal
                        : new Refusal.Unauthenticated("The access token was not accepted"))));
    }

    private void admit(RoutingContext ctx, Caller caller) {
        limiter.take(caller);
        HttpServerRequest request = ctx.request();
        RouteRoles.Route route = RouteRoles.match(request.method().name(), ctx.normalizedPath());
        if (!route.allows(caller)) {
            throw new Refusal.Forbidden("This needs the role " + route.rolesText());
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parseLength(length) > maxBodySize) {
            throw new Refusal.TooLarge("The body is larger than " + maxBodySize + " bytes");
        }
        ctx.put(Caller.CONTEXT_KEY, caller);
        request.headers().set(HttpHeaders.AUTHORIZATION, BEARER + tokens.tokenFor(caller));
        ctx.next();
    }

    private static String bearerToken(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            throw new Refusal.Unauthenticated("This needs an Authorization: Bearer token");
        }
        if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new Refusal.Unauthenticated("The Authorization header must be: Bearer <token>");
        }
        return header.substring(BEARER.length()).trim();
    }

    private static long parseLength(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void refuse(RoutingContext ctx, Refusal refusal) {
        var response = ctx.response()
                .setStatusCode(refusal.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (refusal instanceof Refusal.Unauthenticated) {
            boolean tokenGiven = ctx.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
            response.putHeader("WWW-Authenticate", tokenGiven
                    ? "Bearer realm=\"crm\", error=\"invalid_token\"" : "Bearer realm=\"crm\"");
        } else if (refusal instanceof Refusal.TooManyRequests tooMany) {
            response.putHeader("Retry-After", Long.toString(tooMany.retryAfterSeconds()));
        }
        response.end(ProblemJson.of(refusal.status(), refusal.getMessage(), ctx.request().path()));
    }
}
