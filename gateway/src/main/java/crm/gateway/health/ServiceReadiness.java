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
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** One readiness check per service behind the gateway, named after it, asking the service's own readiness. */
@ApplicationScoped
public class ServiceReadiness {
    private final GatewayConfig config;
    private final HealthRegistry readiness;

    public ServiceReadiness(GatewayConfig config, @Readiness HealthRegistry readiness) {
        this.config = config;
        this.readiness = readiness;
    }

    void register(@Observes StartupEvent startup, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis()));
        config.services().forEach((name, backend) ->
                readiness.register(name, () -> check(client, name, backend)));
    }

    private Uni<HealthCheckResponse> check(HttpClient client, String name, GatewayConfig.Backend backend) {
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
                .map(status -> HealthCheckResponse.named(name).status(status == 200)
                        .withData("url", url.toString()).withData("status", status).build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(name).down()
                        .withData("url", url.toString()).withData("error", String.valueOf(failure.getMessage())).build());
    }
}
