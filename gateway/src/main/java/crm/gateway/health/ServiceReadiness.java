package crm.gateway.health;

import crm.gateway.config.GatewayConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The services behind the gateway, each asked for its own readiness, in the details of one check
 * named "services" that never fails the gateway's readiness: with one service down the gateway still
 * serves the others' routes (and answers 502 problem+json for that one's), so an orchestrator must
 * not take it out of rotation. Each service shows as "UP", or "DOWN" with the status or error.
 */
@ApplicationScoped
public class ServiceReadiness {
    static final String CHECK = "services";

    private final GatewayConfig config;
    private final HealthRegistry readiness;

    public ServiceReadiness(GatewayConfig config, @Readiness HealthRegistry readiness) {
        this.config = config;
        this.readiness = readiness;
    }

    void register(@Observes StartupEvent startup, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis()));
        readiness.register(CHECK, () -> check(client));
    }

    private Uni<HealthCheckResponse> check(HttpClient client) {
        List<Uni<String[]>> services = config.services().entrySet().stream()
                .map(service -> state(client, service.getValue()).map(state -> new String[] {service.getKey(), state}))
                .toList();
        return Uni.join().all(services).andFailFast().map(states -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named(CHECK).up();
            states.forEach(state -> response.withData(state[0], state[1]));
            return response.build();
        });
    }

    /** "UP", or "DOWN" with why. */
    private Uni<String> state(HttpClient client, GatewayConfig.Backend backend) {
        URI url = backend.url();
        RequestOptions ready = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(url.getHost())
                .setPort(backend.port())
                .setURI("/q/health/ready")
                .setTimeout(config.connectTimeout().toMillis());
        return Uni.createFrom().completionStage(() -> client.request(ready)
                        .compose(request -> request.send())
                        .map(response -> response.statusCode())
                        .toCompletionStage())
                .map(status -> status == 200 ? "UP" : "DOWN: " + url + " answered " + status)
                .onFailure().recoverWithItem(failure -> "DOWN: " + url + ": " + failure.getMessage());
    }
}
