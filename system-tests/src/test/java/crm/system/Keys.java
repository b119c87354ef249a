package crm.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** API keys issued through the gateway's admin API with the first admin key, as an administrator would. */
final class Keys {

    private Keys() {
    }

    /** The secret of a new key: one role, bound to {@code till-1} when it is pos. */
    static String of(RunningSystem system, String role) {
        return issue(system, role, role.equals("pos") ? "till-1" : null, null);
    }

    static String issue(RunningSystem system, String role, String source, String ownerId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "system test " + role, "roles", List.of(role)));
        if (source != null) {
            body.put("source", source);
        }
        if (ownerId != null) {
            body.put("ownerId", ownerId);
        }
        return given().auth().oauth2(admin(system)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/admin/api-keys").then().statusCode(201).extract().path("secret");
    }

    static String admin(RunningSystem system) {
        try {
            return system.adminKey();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
