package crm.gateway.keys;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import crm.gateway.FrontDoorResources;
import crm.gateway.TestKeys;
import crm.gateway.proxy.FakeServices;
import crm.rest.Roles;
import crm.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FakeServices.class)
@WithTestResource(FrontDoorResources.class)
class ApiKeyAdminIT {

    @Test
    void theFirstAdminKeyIsWrittenToAFileOnlyItsOwnerMayRead() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(FrontDoorResources.ADMIN_KEY_FILE)));
        String secret = FrontDoorResources.adminKey();
        assertTrue(secret.matches("crm_[A-Za-z0-9_-]{43}"), "a crm_ key of 256 random bits");
        given().auth().oauth2(secret).get("/api/v1/admin/api-keys").then().statusCode(200)
                .body("items.find { it.prefix == '" + secret.substring(0, 12) + "' }.roles", equalTo(List.of("admin")))
                .body("items.find { it.prefix == '" + secret.substring(0, 12) + "' }.createdBy", equalTo("bootstrap"));
    }

    @Test
    void anIssuedKeyShowsItsSecretOnceAndIsStoredOnlyAsAHash() throws Exception {
        JsonPath issued = TestKeys.issueAs(Map.of("name", "Till 3", "roles", List.of(Roles.POS), "source", "till-3",
                "ownerId", "staff-3"));
        String secret = issued.getString("secret");
        String id = issued.getString("key.id");
        assertEquals(secret.substring(0, 12), issued.getString("key.prefix"));
        assertEquals("key:first admin key", issued.getString("key.createdBy"));
        given().auth().oauth2(FrontDoorResources.adminKey()).get("/api/v1/admin/api-keys?size=200").then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.source", equalTo("till-3"))
                .body("items.find { it.id == '" + id + "' }.secret", nullValue())
                .body("toString()", not(org.hamcrest.Matchers.containsString(secret)));
        given().auth().oauth2(FrontDoorResources.adminKey()).get("/api/v1/admin/api-keys/" + id).then().statusCode(200)
                .body("name", equalTo("Till 3")).body("secret", nullValue());
        TestDatabase db = TestDatabase.shared();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                ResultSet row = c.createStatement().executeQuery(
                        "SELECT t::text FROM gateway.api_key t WHERE id = '" + id + "'")) {
            row.next();
            assertFalse(row.getString(1).contains(secret.substring(12)), "the secret is in the table");
        }
    }

    @Test
    void theLastUseOfAKeyIsWrittenDown() {
        JsonPath issued = TestKeys.issueAs(Map.of("name", "used", "roles", List.of(Roles.FRONT_DESK)));
        given().auth().oauth2(issued.getString("secret")).get("/api/v1/customers/42").then().statusCode(201);
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                given().auth().oauth2(FrontDoorResources.adminKey())
                        .get("/api/v1/admin/api-keys/" + issued.getString("key.id"))
                        .then().body("lastUsedAt", not(nullValue())));
    }

    @Test
    void aRevokedKeyKeepsItsRowAndARevocationStands() {
        JsonPath issued = TestKeys.issueAs(Map.of("name", "to revoke", "roles", List.of(Roles.ANALYST)));
        String path = "/api/v1/admin/api-keys/" + issued.getString("key.id");
        String revokedAt = given().auth().oauth2(FrontDoorResources.adminKey()).delete(path)
                .then().statusCode(200).extract().path("revokedAt");
        given().auth().oauth2(FrontDoorResources.adminKey()).delete(path)
                .then().statusCode(200).body("revokedAt", equalTo(revokedAt));
        given().auth().oauth2(FrontDoorResources.adminKey()).get(path)
                .then().statusCode(200).body("name", equalTo("to revoke")).body("revokedAt", equalTo(revokedAt));
        given().auth().oauth2(FrontDoorResources.adminKey()).delete("/api/v1/admin/api-keys/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRoleNamedTwiceIsHeldOnce() {
        JsonPath issued = TestKeys.issueAs(Map.of("name", "twice", "roles", List.of(Roles.ANALYST, Roles.ANALYST)));
        assertEquals(List.of(Roles.ANALYST), issued.getList("key.roles", String.class));
    }

    @Test
    void badRequestsNameTheField() {
        String admin = FrontDoorResources.adminKey();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "till", "roles", List.of(Roles.POS)))
                .post("/api/v1/admin/api-keys").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("source"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "roles", List.of("superuser")))
                .post("/api/v1/admin/api-keys").then().statusCode(400).body("errors.field", hasItem("roles[0]"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "roles", List.of()))
                .post("/api/v1/admin/api-keys").then().statusCode(400).body("errors.field", hasItem("roles"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "roles", List.of("admin"), "expiresAt", "2020-01-01T00:00:00Z"))
                .post("/api/v1/admin/api-keys").then().statusCode(400).body("errors.field", hasItem("expiresAt"));
        given().auth().oauth2(admin).get("/api/v1/admin/api-keys?size=0").then().statusCode(400)
                .body("errors.field", hasItem("size"));
    }
}
