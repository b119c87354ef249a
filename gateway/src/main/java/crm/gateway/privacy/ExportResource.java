package crm.gateway.privacy;

import crm.gateway.config.GatewayConfig;
import crm.gateway.proxy.Instances;
import crm.gateway.proxy.CustomerPart;
import crm.gateway.security.ProblemJson;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * A customer's export from every service in one document. Each service streams its part; the gateway
 * passes the bytes on as they come, so neither holds a large customer's history in memory. All parts
 * must start before the document does: an export missing a service would be wrong, not partial.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy")
@SecurityRequirement(name = "bearer", scopes = Roles.PRIVACY_OFFICER)
public class ExportResource {
    private static final Logger LOG = Logger.getLogger(ExportResource.class);
    private static final List<CustomerPart> PARTS = List.of(CustomerPart.values());

    private final GatewayConfig config;
    private final Instances instances;
    private final HttpClient http;

    public ExportResource(GatewayConfig config, Instances instances) {
        this.config = config;
        this.instances = instances;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    }

    @Schema(name = "CustomerExport", description = "Each service's export of the customer, as that service documents it")
    public record CustomerExport(UUID customerId,
            @Schema(ref = "#/components/schemas/ExportResponse") Object customer,
            @Schema(ref = "#/components/schemas/SegmentationExport") Object value,
            @Schema(ref = "#/components/schemas/ExperienceExport") Object experience) {
    }

    @GET
    @Path("/customers/{id}/export")
    @Operation(operationId = "exportCustomer", summary = "Everything every service holds about the customer", description = """
            One document, streamed: customer-service's profile, preferences, visits, relationships, consents and
            merges; segmentation-service's transactions with their lines, levels, wallet and assessment;
            experience-service's visits with their entries and notes, survey answers and complaints with their
            history.""")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(schema = @Schema(implementation = CustomerExport.class)))
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "410", description = "The customer was erased: nothing is left to export")
    @APIResponse(responseCode = "503", description = "A service is not available: no export rather than an incomplete one")
    public Response export(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization)
            throws InterruptedException {
        List<CompletableFuture<HttpResponse<InputStream>>> asked = new ArrayList<>();
        for (CustomerPart part : PARTS) {
            URI instance = instances.service(part.service).next().url();
            HttpRequest request = HttpRequest.newBuilder(URI.create(instance + part.export(id)))
                    .header(HttpHeaders.AUTHORIZATION, authorization).header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON)
                    .GET().build();
            asked.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()));
        }
        List<HttpResponse<InputStream>> parts = new ArrayList<>();
        Response refusal = null;
        for (int i = 0; i < PARTS.size(); i++) {
            String service = PARTS.get(i).service;
            try {
                HttpResponse<InputStream> response = asked.get(i).get(config.privacy().exportTimeout().toMillis(),
                        TimeUnit.MILLISECONDS);
                parts.add(response);
                if (refusal == null && response.statusCode() != 200) {
                    refusal = refusal(service, response);
                }
            } catch (TimeoutException e) {
                refusal = refusal != null ? refusal : problem(504, service + " did not start its part in time");
            } catch (ExecutionException e) {
                LOG.warnf("Export: %s failed (%s)", service, e.getCause());
                refusal = refusal != null ? refusal : problem(503, service + " is not available");
            }
        }
        if (refusal != null) {
            asked.forEach(f -> f.cancel(true));
            parts.forEach(ExportResource::close);
            return refusal;
        }
        StreamingOutput document = out -> {
            try {
                write(out, "{\"customerId\":\"" + id + "\"");
                for (int i = 0; i < PARTS.size(); i++) {
                    write(out, ",\"" + PARTS.get(i).field + "\":");
                    try (InputStream body = parts.get(i).body()) {
                        body.transferTo(out);
                    }
                }
                write(out, "}");
            } finally {
                parts.forEach(ExportResource::close);
            }
        };
        return Response.ok(document, MediaType.APPLICATION_JSON).build();
    }

    /** customer-service's 404 or 410 goes on as it came; another service's refusal is the gateway's 502. */
    private static Response refusal(String service, HttpResponse<InputStream> response) {
        int status = response.statusCode();
        if (service.equals(CustomerPart.CUSTOMER.service) && status >= 400 && status < 500) {
            try (InputStream body = response.body()) {
                return Response.status(status).type(Problem.MEDIA_TYPE).entity(body.readAllBytes()).build();
            } catch (IOException e) {
                return problem(502, service + " failed to answer");
            }
        }
        return problem(502, service + " answered " + status + " for its part of the export");
    }

    private static Response problem(int status, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(ProblemJson.of(status, detail, null)).build();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            // nothing more to read from it
        }
    }
}
