package crm.gateway;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** Keys issued through the admin API with the first admin key, as an administrator would. */
public final class TestKeys {

    private TestKeys() {
    }

    /** The secret of a new key holding these roles. */
    public static String issue(String... roles) {
        return issueAs(Map.of("name", "test " + String.join("+", roles), "roles", List.of(roles),
                "source", "till-1")).getString("secret");
    }

    /** The whole answer of issuing a key with this body. */
    public static JsonPath issueAs(Map<String, Object> body) {
        return given().auth().oauth2(FrontDoorResources.adminKey()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/admin/api-keys").then().statusCode(201).extract().jsonPath();
    }
}
