package crm.gateway.rest;

import crm.gateway.keys.ApiKey;
import crm.gateway.keys.ApiKeys;
import crm.gateway.security.Caller;
import crm.rest.Page;
import crm.rest.ProblemException;
import crm.rest.Roles;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** API keys for machines and staff tools; admin only (the front door checks the role). */
@Path("/api/v1/admin/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API keys", description = "Keys for tills, integrations and staff tools: issue, list, revoke")
@SecurityRequirement(name = "bearer", scopes = Roles.ADMIN)
public class ApiKeyResource {
    private static final int MAX_PAGE = 200;

    private final ApiKeys keys;

    public ApiKeyResource(ApiKeys keys) {
        this.keys = keys;
    }

    @Schema(name = "NewApiKey")
    public record NewApiKey(
            @Schema(examples = "Till 3, Shanghai store") @NotBlank @Size(max = 100) String name,
            @Schema(examples = "[\"pos\"]") @NotEmpty List<@NotNull String> roles,
            @Schema(description = "The till or integration a pos key records for; required with the role pos",
                    examples = "till-3") @Size(max = 100) String source,
            @Schema(description = "Whom audit fields name for this key, e.g. a staff id", examples = "staff-17")
            @Size(max = 100) String ownerId,
            @Schema(description = "When the key stops working; never when absent") Instant expiresAt) {
    }

    /** A key as listed: never its secret. */
    @Schema(name = "ApiKey")
    public record ApiKeyView(UUID id, String name, String prefix, List<String> roles, String source, String ownerId,
            String createdBy, Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
        static ApiKeyView of(ApiKey k) {
            return new ApiKeyView(k.id(), k.name(), k.prefix(), k.roles(), k.source(), k.ownerId(), k.createdBy(),
                    k.createdAt(), k.expiresAt(), k.revokedAt(), k.lastUsedAt());
        }
    }

    /** A key just issued, with its secret: shown this once and stored nowhere. */
    @Schema(name = "IssuedApiKey")
    public record IssuedApiKey(@Schema(description = "Send it as Authorization: Bearer <secret>") String secret,
            ApiKeyView key) {
    }

    @POST
    @Operation(operationId = "issueApiKey", summary = "Issues a key; its secret is in this answer only")
    @APIResponse(responseCode = "201", description = "The key, with its secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedApiKey.class)))
    public Response issue(@NotNull @Valid NewApiKey request, @Context RoutingContext context) throws SQLException {
        for (int i = 0; i < request.roles().size(); i++) {
            if (!Roles.ALL.contains(request.roles().get(i))) {
                throw ProblemException.invalid("roles[" + i + "]", "must be one of " + Roles.ALL);
            }
        }
        if (request.roles().contains(Roles.POS) && (request.source() == null || request.source().isBlank())) {
            throw ProblemException.invalid("source", "is required for a pos key: a till records only its own sales");
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(Instant.now())) {
            throw ProblemException.invalid("expiresAt", "must be in the future");
        }
        Caller caller = context.get(Caller.CONTEXT_KEY);
        ApiKeys.IssuedKey issued = keys.issue(new ApiKeys.NewKey(request.name(), List.copyOf(new LinkedHashSet<>(request.roles())),
                request.source(), request.ownerId(), request.expiresAt()), caller.name());
        return Response.created(URI.create("/api/v1/admin/api-keys/" + issued.key().id()))
                .entity(new IssuedApiKey(issued.secret(), ApiKeyView.of(issued.key()))).build();
    }

    @GET
    @Operation(operationId = "listApiKeys", summary = "Every key, newest first, without secrets")
    public Page<ApiKeyView> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) throws SQLException {
        Page.check(page, size, MAX_PAGE);
        return new Page<>(keys.page(page, size).stream().map(ApiKeyView::of).toList(), page, size, keys.count());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getApiKey", summary = "One key, without its secret")
    public ApiKeyView get(@PathParam("id") UUID id) throws SQLException {
        return keys.find(id).map(ApiKeyView::of).orElseThrow(() -> ProblemException.notFound("No API key " + id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revokes a key at once on every gateway instance; its row stays")
    public ApiKeyView revoke(@PathParam("id") UUID id) throws SQLException {
        return keys.revoke(id).map(ApiKeyView::of).orElseThrow(() -> ProblemException.notFound("No API key " + id));
    }
}
