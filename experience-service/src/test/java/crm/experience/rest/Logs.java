package crm.experience.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test helper: experience logs written through the API. */
public final class Logs {
    public static final String PATH = "/api/v1/experience/logs";

    private Logs() {
    }

    /**
     * A whole-visit request for a visit id (a UUID or a ticket number); {@code entries} as touch point, score
     * pairs, timed a minute apart from {@code start}.
     */
    public static String visit(Object visitId, String journey, UUID customer, String store, String start, Object... entries) {
        List<String> items = new ArrayList<>();
        java.time.Instant at = java.time.Instant.parse(start);
        for (int i = 0; i < entries.length; i += 2) {
            items.add("{\"touchPointCode\":\"%s\",\"score\":%s,\"occurredAt\":\"%s\",\"note\":\"note %d\"}"
                    .formatted(entries[i], entries[i + 1], at.plusSeconds(60L * i), i));
        }
        return "{\"visitId\":\"%s\",\"journeyCode\":\"%s\",%s%s\"recordedBy\":\"STAFF\",\"entries\":[%s]}".formatted(
                visitId, journey, customer == null ? "" : "\"customerId\":\"" + customer + "\",",
                store == null ? "" : "\"store\":\"" + store + "\",", String.join(",", items));
    }

    public static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).post(PATH).then();
    }

    /** Logs a whole visit, expecting every entry to be stored. */
    public static UUID log(String journey, UUID customer, String store, String start, Object... entries) {
        UUID visit = UUID.randomUUID();
        post(visit(visit, journey, customer, store, start, entries)).statusCode(201);
        return visit;
    }
}
