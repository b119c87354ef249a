package crm.gateway.card;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sections as the services would answer them: customer-service knows one guest (by id, by phone, and as the
 * survivor of a merged id), segmentation-service answers her value, experience-service never answers.
 */
public class CardFakeServices implements QuarkusTestResourceLifecycleManager {
    static final String GUEST = "6f1c2a9e-5b1d-4c1e-9a57-3f0f5a1f2b11";
    static final String MERGED = "0b7e4a52-3c1f-4f7e-9d55-6a0c2b9d1e21";
    static final String ERASED = "9d3b4a52-3c1f-4f7e-9d55-6a0c2b9d1e99";
    static final String SECTION = """
            {"customerId":"%s","mergedFrom":%s,"salutation":"Ms. Lin","displayName":"Lin Mei",
             "consent":{"marketing":false,"marketingChannels":[]},
             "actions":[{"code":"OFFER_USUAL","priority":30,"text":"Offer the usual.","reason":"r","facts":{},"purpose":null},
                        {"code":"WISH_DATE","priority":80,"text":"Wish her.","reason":"r","facts":{"inDays":3},"purpose":null}]}""";
    static final String VALUE = """
            {"customerId":"%s","known":true,"level":"MEDIUM","previousLevel":"BIG","direction":"DOWN",
             "actions":[{"code":"WIN_BACK","priority":70,"text":"Win back.","reason":"r","facts":{"from":"BIG","to":"MEDIUM"},"purpose":null},
                        {"code":"DEVELOP","priority":40,"text":"Offer the category.","reason":"r","facts":{},"purpose":"MARKETING"}]}""";

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer customers = listen(vertx.createHttpServer().requestHandler(CardFakeServices::customer));
        HttpServer value = listen(vertx.createHttpServer().requestHandler(request -> {
            String id = request.path().split("/")[5];
            json(request, 200, VALUE.formatted(id));
        }));
        HttpServer silent = listen(vertx.createHttpServer().requestHandler(request -> {
            // accepts the request and never answers
        }));
        return Map.of(
                "crm.gateway.services.customer-service.urls", "http://127.0.0.1:" + customers.actualPort(),
                "crm.gateway.services.segmentation-service.urls", "http://127.0.0.1:" + value.actualPort(),
                "crm.gateway.services.experience-service.urls", "http://127.0.0.1:" + silent.actualPort(),
                "crm.gateway.card.section-timeout", "300ms");
    }

    private static void customer(HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/api/v1/customers/card-section")) {
            if ("+8613812345678".equals(request.getParam("phone"))) {
                json(request, 200, SECTION.formatted(GUEST, "null"));
            } else {
                problem(request, 404, "No customer is identified by PHONE");
            }
        } else if (path.equals("/api/v1/customers/" + GUEST + "/card-section")) {
            json(request, 200, SECTION.formatted(GUEST, "null"));
        } else if (path.equals("/api/v1/customers/" + MERGED + "/card-section")) {
            json(request, 200, SECTION.formatted(GUEST, "\"" + MERGED + "\""));
        } else if (path.equals("/api/v1/customers/" + ERASED + "/card-section")) {
            problem(request, 410, "Customer " + ERASED + " was erased");
        } else {
            problem(request, 404, "No customer");
        }
    }

    private static void json(HttpServerRequest request, int status, String body) {
        request.response().setStatusCode(status).putHeader("content-type", "application/json").end(body);
    }

    private static void problem(HttpServerRequest request, int status, String detail) {
        request.response().setStatusCode(status).putHeader("content-type", "application/problem+json")
                .end("{\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }

    @Override
    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static HttpServer listen(HttpServer server) {
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
    }
}
