package crm.gateway.proxy;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for the services behind the gateway: customer-service echoes each request, a
 * segmentation-service port has nothing listening, experience-service never answers.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer echo = listen(vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/q/health/ready")) {
                request.response().putHeader("content-type", "application/json").end("{\"status\":\"UP\"}");
                return;
            }
            request.body().onSuccess(body -> request.response()
                    .setStatusCode(201)
                    .putHeader("content-type", "application/json")
                    .putHeader("location", "/api/v1/customers/42")
                    .putHeader("x-seen-header", String.valueOf(request.getHeader("x-request-id")))
                    .putHeader("x-seen-traceparent", String.valueOf(request.getHeader("traceparent")))
                    .end(new JsonObject()
                            .put("method", request.method().name())
                            .put("uri", request.uri())
                            .put("body", body.toString())
                            .put("authorization", request.getHeader("authorization"))
                            .encode()));
        }));
        HttpServer silent = listen(vertx.createHttpServer().requestHandler(request -> {
            // accepts the request and never answers
        }));
        return Map.of(
                "crm.gateway.services.customer-service.urls", "http://127.0.0.1:" + echo.actualPort(),
                "crm.gateway.services.segmentation-service.urls", "http://127.0.0.1:" + closedPort(),
                "crm.gateway.services.experience-service.urls", "http://127.0.0.1:" + silent.actualPort(),
                "crm.gateway.timeout", "1s");
    }

    @Override
    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static HttpServer listen(HttpServer server) {
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
