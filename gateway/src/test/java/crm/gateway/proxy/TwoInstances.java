package crm.gateway.proxy;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Two instances of customer-service, "a" and "b", each answering every request with its name (201 for a
 * POST); the test makes b not ready ({@link #ready}) or stops and restarts it. The other services are down.
 */
public class TwoInstances implements QuarkusTestResourceLifecycleManager {
    static volatile boolean ready = true;
    private static Vertx vertx;
    private static HttpServer b;
    private static int bPort;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer a = listen(0, "a");
        b = listen(0, "b");
        bPort = b.actualPort();
        return Map.of(
                "crm.gateway.services.customer-service.urls",
                "http://127.0.0.1:" + a.actualPort() + ",http://127.0.0.1:" + bPort,
                "crm.gateway.services.segmentation-service.urls", "http://127.0.0.1:" + closedPort(),
                "crm.gateway.services.experience-service.urls", "http://127.0.0.1:" + closedPort(),
                "crm.gateway.probe-interval", "200ms");
    }

    @Override
    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** b stops listening: a connection to it is refused. */
    static void stopB() {
        b.close().toCompletionStage().toCompletableFuture().join();
    }

    /** b listens again, on its port. */
    static void startB() {
        b = listen(bPort, "b");
    }

    private static HttpServer listen(int port, String name) {
        return vertx.createHttpServer().requestHandler(request -> answer(request, name)).listen(port, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join();
    }

    private static void answer(HttpServerRequest request, String name) {
        if (request.path().equals("/q/health/ready")) {
            request.response().setStatusCode(name.equals("a") || ready ? 200 : 503).end();
            return;
        }
        request.body().onSuccess(body -> request.response()
                .setStatusCode(request.method().name().equals("POST") ? 201 : 200)
                .putHeader("content-type", "application/json")
                .end(new JsonObject().put("instance", name).encode()));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
