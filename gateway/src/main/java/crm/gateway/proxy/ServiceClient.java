package crm.gateway.proxy;

import crm.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads from a service for the gateway's own answers (the card, an erasure's progress), as the caller (with
 * the service token the front door made), within a time limit of the caller's choosing. A GET whose
 * connection the service closed before answering is sent once more, as the proxy does
 * ({@link RetryOnClosedConnection}).
 */
@ApplicationScoped
public class ServiceClient {
    private final HttpClient client;
    private final Instances instances;

    public ServiceClient(Vertx vertx, GatewayConfig config, Instances instances) {
        this.instances = instances;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(100)
                .setKeepAlive(true));
    }

    /** What a service answered: its status and body. */
    public record Answer(int status, Buffer body) {
    }

    private Future<HttpClientResponse> send(String service, RequestOptions request) {
        return instances.request(service, instance -> client.request(new RequestOptions(request)
                .setServer(instance.address()).setHost(instance.url().getHost()).setPort(instance.address().port())))
                .compose(HttpClientRequest::send);
    }

    /**
     * GETs {@code uri} (path and query) from an instance of {@code service}; completes exceptionally when the
     * service is down or has not answered within {@code timeout}.
     */
    public CompletableFuture<Answer> get(String service, String uri, String authorization, Duration limit) {
        long timeout = limit.toMillis();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setURI(uri)
                .setTimeout(timeout)
                .putHeader(HttpHeaders.AUTHORIZATION, authorization)
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        return send(service, request)
                .recover(failure -> RetryOnClosedConnection.closedBeforeAnswer(failure) ? send(service, request)
                        : Future.failedFuture(failure))
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body)))
                .toCompletionStage().toCompletableFuture()
                .orTimeout(timeout, TimeUnit.MILLISECONDS);
    }
}
