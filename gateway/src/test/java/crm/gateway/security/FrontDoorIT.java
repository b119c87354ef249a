package crm.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import crm.gateway.FrontDoorResources;
import crm.gateway.TestKeys;
import crm.gateway.keys.ApiKeyStore;
import crm.gateway.proxy.FakeServices;
import crm.rest.Roles;
import crm.testing.IdentityKeys;
import crm.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FakeServices.class)
@WithTestResource(FrontDoorResources.class)
class FrontDoorIT {

    @Test
    void aRequestWithoutATokenIs401ProblemWithABearerChallenge() {
        given().get("/api/v1/customers/42")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"crm\"")
                .body("status", equalTo(401))
                .body("detail", equalTo("This needs an Authorization: Bearer token"));
    }

    @Test
    void malformedUnknownTruncatedAndForeignTokensAre401NeverAServerError() {
        String key = TestKeys.issue(Roles.FRONT_DESK);
        List<String> headers = List.of(
                "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "bearer" + key, "Bearer crm_",
                "Bearer " + key.substring(0, key.length() - 1),
                "Bearer " + key + "x",
                "Bearer " + key.substring(0, key.length() - 4) + "AAAA",
                "Bearer crm_" + "A".repeat(43),
                "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln",
                "Bearer " + "x".repeat(10_000));
        for (String header : headers) {
            given().header("Authorization", header).get("/api/v1/customers/42")
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"));
        }
        given().auth().oauth2(key).get("/api/v1/customers/42").then().statusCode(201);
    }

    @Test
    void anExpiredKeyIs401() throws Exception {
        JsonPath issued = TestKeys.issueAs(Map.of("name", "expiring", "roles", List.of(Roles.FRONT_DESK),
                "expiresAt", java.time.Instant.now().plusSeconds(1).toString()));
        Thread.sleep(1_200);
        given().auth().oauth2(issued.getString("secret")).get("/api/v1/customers/42")
                .then().statusCode(401).body("detail", equalTo("The API key has expired"));
    }

    @Test
    void aKeyRevokedThroughTheApiStopsWorkingAtOnce() {
        JsonPath issued = TestKeys.issueAs(Map.of("name", "revoked here", "roles", List.of(Roles.FRONT_DESK)));
        String secret = issued.getString("secret");
        given().auth().oauth2(secret).get("/api/v1/customers/42").then().statusCode(201);
        given().auth().oauth2(FrontDoorResources.adminKey())
                .delete("/api/v1/admin/api-keys/" + issued.getString("key.id"))
                .then().statusCode(200).body("revokedAt", not(equalTo(null)));
        given().auth().oauth2(secret).get("/api/v1/customers/42")
                .then().statusCode(401).body("detail", equalTo("The API key was revoked"));
    }

    @Test
    void aKeyRevokedByAnotherInstanceStopsWorkingHereWithinOneSecond() throws Exception {
        JsonPath issued = TestKeys.issueAs(Map.of("name", "revoked elsewhere", "roles", List.of(Roles.FRONT_DESK)));
        String secret = issued.getString("secret");
        given().auth().oauth2(secret).get("/api/v1/customers/42").then().statusCode(201);
        TestDatabase db = TestDatabase.shared();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            c.setAutoCommit(false);
            ApiKeyStore.CHANGES.holdUntilCommit(c);
            try (PreparedStatement revoke = c.prepareStatement("UPDATE gateway.api_key SET revoked_at = now(), "
                    + "version = nextval('gateway.api_key_version') WHERE id = ?::uuid")) {
                revoke.setString(1, issued.getString("key.id"));
                revoke.executeUpdate();
            }
            c.commit();
        }
        long revokedAt = System.nanoTime();
        while (given().auth().oauth2(secret).get("/api/v1/customers/42").statusCode() != 401) {
            assertTrue(System.nanoTime() - revokedAt < 1_000_000_000L, "the revoked key still works after a second");
            Thread.sleep(20);
        }
    }

    @Test
    void aCallerWithoutTheRoleIs403NamingTheRolesTheRouteNeeds() {
        String analyst = TestKeys.issue(Roles.ANALYST);
        given().auth().oauth2(analyst).contentType(ContentType.JSON).body("{}").post("/api/v1/customers")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("This needs the role front-desk or account-manager"));
        given().auth().oauth2(analyst).get("/api/v1/admin/api-keys")
                .then().statusCode(403).body("detail", equalTo("This needs the role admin"));
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405() {
        String desk = TestKeys.issue(Roles.FRONT_DESK);
        given().auth().oauth2(desk).get("/api/v1/customers/42/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(desk).delete("/api/v1/customers/42")
                .then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void theServiceGetsTheGatewaysSignedTokenNamingTheCallerNeverTheKey() throws Exception {
        JsonPath issued = TestKeys.issueAs(Map.of("name", "till 9", "roles", List.of(Roles.POS, Roles.FRONT_DESK),
                "source", "till-9", "ownerId", "staff-17"));
        String secret = issued.getString("secret");
        String forwarded = given().auth().oauth2(secret).get("/api/v1/customers/identify?phone=1")
                .then().statusCode(201).extract().path("authorization");
        assertTrue(forwarded.startsWith("Bearer "), forwarded);
        assertFalse(forwarded.contains(secret), "the key's secret went to the service");
        String[] jwt = forwarded.substring("Bearer ".length()).split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(KeyUtils.decodePublicKey(Files.readString(IdentityKeys.shared().publicKeyPem())));
        rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(jwt[2])), "signed by the gateway's key");
        JsonPath claims = JsonPath.from(new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8));
        assertEquals("crm-gateway", claims.getString("iss"));
        assertEquals("crm-services", claims.getString("aud"));
        assertEquals("key:" + issued.getString("key.id"), claims.getString("sub"));
        assertEquals("staff-17", claims.getString("upn"));
        assertEquals(java.util.Set.of("pos", "front-desk"), java.util.Set.copyOf(claims.getList("groups", String.class)));
        assertEquals("till-9", claims.getString("crm_source"));
        assertEquals(300, claims.getLong("exp") - claims.getLong("iat"));
    }

    @Test
    void theRateLimitAnswers429WithRetryAfterAndRecovers() throws Exception {
        // privacy-officer: 1 a second, a burst of 3 (FrontDoorResources)
        String officer = TestKeys.issue(Roles.PRIVACY_OFFICER);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(officer).get("/api/v1/customers/42/export-section").then().statusCode(201);
        }
        given().auth().oauth2(officer).get("/api/v1/customers/42/export-section")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "1");
        String other = TestKeys.issue(Roles.PRIVACY_OFFICER);
        given().auth().oauth2(other).get("/api/v1/customers/42/export-section").then().statusCode(201);
        Thread.sleep(1_100);
        given().auth().oauth2(officer).get("/api/v1/customers/42/export-section").then().statusCode(201);
    }

    @Test
    void aBodyOverTheLimitIs413Problem() {
        String desk = TestKeys.issue(Roles.FRONT_DESK);
        given().auth().oauth2(desk).contentType(ContentType.JSON)
                .body("{\"note\":\"" + "x".repeat(70_000) + "\"}")
                .post("/api/v1/customers")
                .then().statusCode(413)
                .contentType("application/problem+json");
    }
}
