package crm.gateway.security;

import crm.rest.Roles;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Callers with an access token from the company's identity provider, verified by quarkus-oidc
 * (on when {@code quarkus.oidc.auth-server-url} or a public key is set). Their roles come from the
 * claim {@code quarkus.oidc.roles.role-claim-path} names; roles this API does not know are dropped.
 */
@ApplicationScoped
public class OidcCallers {
    private final IdentityProviderManager identities;
    private final boolean enabled;

    public OidcCallers(IdentityProviderManager identities,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServer,
            @ConfigProperty(name = "quarkus.oidc.public-key") Optional<String> publicKey,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean tenantEnabled) {
        this.identities = identities;
        this.enabled = tenantEnabled && (authServer.isPresent() || publicKey.isPresent());
    }

    public Uni<Caller> authenticate(String token, RoutingContext context) {
        if (!enabled) {
            return Uni.createFrom().failure(new Refusal.Unauthenticated(
                    "The bearer token is not an API key, and no identity provider is configured"));
        }
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new AccessTokenCredential(token));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identities.authenticate(request)
                .onFailure().transform(failure -> new Refusal.Unauthenticated("The access token was not accepted"))
                .map(OidcCallers::caller);
    }

    private static Caller caller(SecurityIdentity identity) {
        String subject = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject() : identity.getPrincipal().getName();
        return new Caller("oidc:" + subject, identity.getPrincipal().getName(),
                identity.getRoles().stream().filter(Roles.ALL::contains).collect(Collectors.toSet()), null);
    }
}
