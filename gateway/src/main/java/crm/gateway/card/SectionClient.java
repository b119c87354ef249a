package crm.gateway.card;

import crm.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Reads a card section from a service, as the caller (the service token the front door made), within a time limit. */
@ApplicationScoped
public class SectionClient {
    private final HttpClient client;
    private final GatewayConfig config;

    public SectionClient(Vertx vertx, GatewayConfig config) {
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.card().sectionTimeout().toMillis())
                .setMaxPoolSize(100)
                .setKeepAlive(true));
    }

    /** What a service answered: its status and body. */
    public record Answer(int status, Buffer body) {
    }

    /**
     * GETs {@code uri} (path and query) from {@code service}; completes exceptionally when the service is
     * down or has not answered within the section time limit.
     */
    public CompletableFuture<Answer> get(String service, String uri, String authorization) {
        GatewayConfig.Backend backend = config.services().get(service);
        long timeout = config.card().sectionTimeout().toMillis();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(backend.url().getHost())
                .setPort(backend.port())
                .setURI(uri)
                .setTimeout(timeout)
                .putHeader(HttpHeaders.AUTHORIZATION, authorization)
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        return client.request(request)
                .compose(HttpClientRequest::send)
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body)))
                .toCompletionStage().toCompletableFuture()
                .orTimeout(timeout, TimeUnit.MILLISECONDS);
    }
}
