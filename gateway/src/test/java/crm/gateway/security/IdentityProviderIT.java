package crm.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import crm.gateway.FrontDoorResources;
import crm.gateway.TestKeys;
import crm.gateway.proxy.FakeServices;
import crm.rest.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(IdentityProviderProfile.class)
@WithTestResource(FakeServices.class)
@WithTestResource(FrontDoorResources.class)
class IdentityProviderIT {

    @Test
    void aUserOfTheIdentityProviderCallsWithTheRolesOfItsClaimAndTheServiceLearnsWhoItIs() {
        String token = IdentityProviderProfile.sign(
                IdentityProviderProfile.accessToken("u-42", "mei.chen", Roles.FRONT_DESK, "offline_access"));
        String forwarded = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"displayName\":\"A\"}")
                .post("/api/v1/customers")
                .then().statusCode(201).body("body", equalTo("{\"displayName\":\"A\"}"))
                .extract().path("authorization");
        JsonPath claims = JsonPath.from(new String(Base64.getUrlDecoder().decode(
                forwarded.substring("Bearer ".length()).split("\\.")[1]), StandardCharsets.UTF_8));
        assertEquals("crm-gateway", claims.getString("iss"));
        assertEquals("oidc:u-42", claims.getString("sub"));
        assertEquals("mei.chen", claims.getString("upn"));
        assertEquals(Set.of(Roles.FRONT_DESK), Set.copyOf(claims.getList("groups", String.class)));
    }

    @Test
    void aUserWithoutTheRoleIs403AndABadTokenIs401() {
        String analyst = IdentityProviderProfile.sign(IdentityProviderProfile.accessToken("u-7", "li.wei", Roles.ANALYST));
        given().auth().oauth2(analyst).get("/api/v1/customers/42")
                .then().statusCode(403).body("detail", equalTo("This needs the role front-desk or account-manager"));
        String foreign = crm.testing.IdentityKeys.generate().sign(
                IdentityProviderProfile.accessToken("u-7", "li.wei", Roles.FRONT_DESK));
        String expired = IdentityProviderProfile.sign(IdentityProviderProfile.accessToken("u-7", "li.wei", Roles.FRONT_DESK)
                .issuedAt(1_600_000_000L).expiresAt(1_600_000_300L));
        String otherIssuer = IdentityProviderProfile.sign(IdentityProviderProfile.accessToken("u-7", "li.wei", Roles.FRONT_DESK)
                .issuer("https://elsewhere.example"));
        for (String token : List.of(foreign, expired, otherIssuer, "not.a.jwt")) {
            given().auth().oauth2(token).get("/api/v1/customers/42")
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer realm=\"crm\", error=\"invalid_token\"");
        }
    }

    @Test
    void apiKeysStillWorkBesideTheIdentityProvider() {
        given().auth().oauth2(TestKeys.issue(Roles.FRONT_DESK)).get("/api/v1/customers/42").then().statusCode(201);
    }
}
