package crm.testing;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's OpenAPI contract as integrators get it. {@link #save} keeps it in
 * {@code target/openapi/<service>.json}, where linters and client generators (redocly, openapi-generator)
 * can read it without starting the service; {@link #breaches} checks what those tools refuse or
 * name clients after, so a service test catches it without them.
 */
public final class OpenApiContract {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiContract() {
    }

    /** GETs the running service's contract and writes it to target/openapi/{service}.json; answers the JSON. */
    public static String save(String service) {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        try {
            Path file = Path.of("target", "openapi", service + ".json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json;
    }

    /**
     * What makes the contract unfit for standard tools: an operation without an operationId (or one used
     * twice), without exactly one tag, a response without a description, or an error response that
     * is not a shared problem+json response.
     */
    @SuppressWarnings("unchecked")
    public static List<String> breaches(String json) {
        List<String> breaches = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, Map<String, Object>> paths = JsonPath.from(json).getMap("paths");
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            String where = method.toUpperCase() + " " + path;
            Map<String, Object> operation = (Map<String, Object>) value;
            Object id = operation.get("operationId");
            if (id == null) {
                breaches.add(where + ": no operationId");
            } else if (!ids.add(id.toString())) {
                breaches.add(where + ": operationId " + id + " used twice");
            }
            List<Object> tags = (List<Object>) operation.get("tags");
            if (tags == null || tags.size() != 1) {
                breaches.add(where + ": tags " + tags + ", not exactly one");
            }
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            responses.forEach((status, response) -> {
                boolean shared = response.containsKey("$ref");
                if (!shared && response.get("description") == null) {
                    breaches.add(where + ": response " + status + " has no description");
                }
                Map<String, Object> content = (Map<String, Object>) response.get("content");
                if (status.startsWith("4") && !shared
                        && (content == null || !content.keySet().equals(Set.of("application/problem+json")))) {
                    breaches.add(where + ": response " + status + " is not problem+json");
                }
            });
        }));
        return breaches;
    }
}
