package crm.experience.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Test fixtures: the café and furniture-store journeys of DOMAIN.md §3, defined through the API. */
public final class Journeys {
    public static final List<String> CAFE = List.of("location", "welcome", "decor", "queue", "price", "variety", "staff",
            "seating", "taste", "farewell");

    private Journeys() {
    }

    /** Defines the café journey under a code of its own (tests share one database) and returns the code. */
    public static String cafe() {
        return define("cafe-journey.json", "cafe-");
    }

    public static String furnitureStore() {
        return define("furniture-store-journey.json", "furniture-");
    }

    /** The fixture's JSON with this code. */
    public static String json(String fixture, String code) {
        try (InputStream in = Journeys.class.getResourceAsStream("/fixtures/" + fixture)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).formatted(code);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String define(String fixture, String prefix) {
        String code = prefix + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body(json(fixture, code)).post("/api/v1/experience/journeys")
                .then().statusCode(201);
        return code;
    }
}
