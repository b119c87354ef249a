package crm.gateway.proxy;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A customer-service that closes the connection without answering the first time it sees a request (its
 * method and URI), as a service does with a keep-alive connection it has just closed, and answers the next
 * with the attempt's number; a URI holding "closes-always" is never answered. {@code ?attemptsOf=x} counts the
 * attempts at the requests whose URI holds x. The other services are down.
 */
public class ClosingService implements QuarkusTestResourceLifecycleManager {
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            String counted = request.getParam("attemptsOf");
            if (counted != null) {
                int sum = attempts.entrySet().stream().filter(e -> e.getKey().contains(counted))
                        .mapToInt(Map.Entry::getValue).sum();
                request.response().putHeader("content-type", "application/json")
                        .end(new JsonObject().put("attempts", sum).encode());
                return;
            }
            String key = request.method().name() + " " + request.uri();
            int attempt = attempts.merge(key, 1, Integer::sum);
            if (attempt == 1 || request.uri().contains("closes-always")) {
                request.connection().close();
                return;
            }
            request.body().onSuccess(body -> request.response().putHeader("content-type", "application/json")
                    .end(new JsonObject().put("method", request.method().name()).put("uri", request.uri())
                            .put("body", body.toString()).put("attempt", attempt).encode()));
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        return Map.of(
                "crm.gateway.services.customer-service.urls", "http://127.0.0.1:" + server.actualPort(),
                "crm.gateway.services.segmentation-service.urls", "http://127.0.0.1:" + closedPort(),
                "crm.gateway.services.experience-service.urls", "http://127.0.0.1:" + closedPort(),
                "crm.gateway.timeout", "2s");
    }

    @Override
    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
