package crm.gateway.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.gateway.config.GatewayConfig;
import crm.gateway.proxy.CustomerPart;
import crm.gateway.proxy.ServiceClient;
import crm.rest.Problem;
import crm.rest.Roles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An erasure's progress: each service says whether and when it applied it; none is assumed. */
@Path("/api/v1/erasures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy")
@SecurityRequirement(name = "bearer", scopes = Roles.PRIVACY_OFFICER)
public class ErasureResource {
    private final ServiceClient client;
    private final ObjectMapper json;
    private final GatewayConfig config;

    public ErasureResource(ServiceClient client, ObjectMapper json, GatewayConfig config) {
        this.client = client;
        this.json = json;
        this.config = config;
    }

    @Schema(name = "ErasureStatus", description = "DONE once every service applied the erasure")
    public record ErasureStatus(UUID customerId, @Schema(examples = "IN_PROGRESS") Status status,
            List<ServiceErasure> services) {
    }

    public enum Status {
        DONE, IN_PROGRESS
    }

    @Schema(name = "ServiceErasure")
    public record ServiceErasure(@Schema(examples = "experience-service") String service, State state,
            @Schema(description = "When the service applied it; null until then") Instant erasedAt,
            @Schema(description = "Why the state is UNKNOWN") String detail) {
    }

    /** APPLIED: the service says it erased; PENDING: it says it has not yet; UNKNOWN: it did not answer. */
    public enum State {
        APPLIED, PENDING, UNKNOWN
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getErasure", summary = "How far a customer's erasure has got in each service",
            description = "The id is the erased customer's. Each service is asked when it applied the erasure.")
    @APIResponse(responseCode = "200", description = "The erasure's progress",
            content = @Content(schema = @Schema(implementation = ErasureStatus.class)))
    @APIResponse(responseCode = "404", description = "The customer has not been erased")
    public CompletionStage<Response> get(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        List<CompletableFuture<ServiceErasure>> asked = Stream.of(CustomerPart.values()).map(part -> client
                .get(part.service, part.erasure(id), authorization, config.privacy().statusTimeout())
                .handle((answer, failure) -> state(part.service, answer, failure))).toList();
        return CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<ServiceErasure> services = asked.stream().map(CompletableFuture::join).toList();
            if (services.get(0).state() == State.PENDING) {
                return Response.status(404).type(Problem.MEDIA_TYPE)
                        .entity(new Problem("about:blank", "Not Found", 404, "Customer " + id + " has not been erased",
                                null, null))
                        .build();
            }
            boolean done = services.stream().allMatch(s -> s.state() == State.APPLIED);
            return Response.ok(new ErasureStatus(id, done ? Status.DONE : Status.IN_PROGRESS, services)).build();
        });
    }

    private ServiceErasure state(String service, ServiceClient.Answer answer, Throwable failure) {
        if (answer == null) {
            return new ServiceErasure(service, State.UNKNOWN, null, service + " did not answer");
        }
        if (answer.status() == 404) {
            return new ServiceErasure(service, State.PENDING, null, null);
        }
        if (answer.status() != 200) {
            return new ServiceErasure(service, State.UNKNOWN, null, service + " answered " + answer.status());
        }
        try {
            JsonNode body = json.readTree(answer.body().getBytes());
            return new ServiceErasure(service, State.APPLIED, Instant.parse(body.get("erasedAt").asText()), null);
        } catch (IOException | RuntimeException e) {
            return new ServiceErasure(service, State.UNKNOWN, null, service + " answered what is not an erasure");
        }
    }
}
