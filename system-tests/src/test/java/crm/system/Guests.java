package crm.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A till's and a front desk's writes through the gateway, from many threads (the JDK client, not the static
 * RestAssured set-up): sign a guest up, sell to her, log her visit. Each write carries its own idempotency key
 * (an Idempotency-Key, a source and externalId, a visit id), so one whose answer was lost can be sent again.
 */
final class Guests {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    /** A write's answer: its status (0 when no answer came) and body. */
    record Answer(int status, String body) {
        boolean ok() {
            return status == 200 || status == 201;
        }

        String id() {
            Matcher m = ID.matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int gatewayPort;
    private final String desk;
    private final String till;

    Guests(int gatewayPort, String desk, String till) {
        this.gatewayPort = gatewayPort;
        this.desk = desk;
        this.till = till;
    }

    Answer register(String idempotencyKey, String name) {
        return post("/api/v1/customers", desk, idempotencyKey, "{\"displayName\":\"" + name + "\"}");
    }

    /** One line of {@code price} on {@code day} (yyyy-MM-dd), under the till's source and {@code externalId}. */
    Answer sell(String customerId, String externalId, String day, String price) {
        return post("/api/v1/transactions", till, null, """
                {"source":"till-1","externalId":"%s","customerId":"%s","occurredAt":"%sT02:00:00Z",
                 "store":"s1","channel":"STORE","currency":"CNY",
                 "lines":[{"sku":"TEA","category":"FOOD","quantity":1,"unitPrice":%s,"unitCost":4.00}]}"""
                .formatted(externalId, customerId, day, price));
    }

    Answer visit(String customerId, String visitId, String journey) {
        return post("/api/v1/experience/logs", desk, null, """
                {"visitId":"%s","journeyCode":"%s","customerId":"%s","recordedBy":"STAFF","entries":[
                 {"touchPointCode":"welcome","score":1,"occurredAt":"2026-11-12T02:00:00Z"}]}"""
                .formatted(visitId, journey, customerId));
    }

    Answer get(String path, String key) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key).GET());
    }

    Answer post(String path, String key, String body) {
        return post(path, key, null, body);
    }

    private Answer post(String path, String key, String idempotencyKey, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(0, String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + gatewayPort + path);
    }

    static String key() {
        return UUID.randomUUID().toString();
    }
}
