package crm.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import crm.gateway.FrontDoorResources;
import crm.gateway.TestKeys;
import crm.rest.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ClosingService.class)
@WithTestResource(FrontDoorResources.class)
class ClosedConnectionIT {
    private String frontDesk;

    @BeforeEach
    void issueKey() {
        frontDesk = TestKeys.issue(Roles.FRONT_DESK);
    }

    @Test
    void aReadWhoseConnectionTheServiceClosedIsSentOnceMoreAndAnswered() {
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(frontDesk).get("/api/v1/customers/" + id)
                .then().statusCode(200)
                .body("method", equalTo("GET"))
                .body("uri", equalTo("/api/v1/customers/" + id))
                .body("attempt", equalTo(2));
    }

    @Test
    void aPutIsSentOnceMoreWithItsBody() {
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(frontDesk).contentType(ContentType.JSON).body("{\"value\":\"window\"}")
                .put("/api/v1/customers/" + id + "/preferences/seat")
                .then().statusCode(200)
                .body("method", equalTo("PUT"))
                .body("body", equalTo("{\"value\":\"window\"}"))
                .body("attempt", equalTo(2));
    }

    @Test
    void aPostWhoseConnectionTheServiceClosedIsNotSentAgain() {
        String run = UUID.randomUUID().toString();
        given().auth().oauth2(frontDesk).contentType(ContentType.JSON).body("{\"displayName\":\"Yu Wei\"}")
                .post("/api/v1/customers?run=" + run)
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", equalTo("customer-service is not available"));
        attempts(run, 1);
        given().auth().oauth2(frontDesk).contentType(ContentType.JSON).body("{\"displayName\":\"Yu Wei\"}")
                .post("/api/v1/customers?run=" + run)
                .then().statusCode(200).body("attempt", equalTo(2));
    }

    @Test
    void aReadIsSentOnceMoreNotTwice() {
        String id = "closes-always-" + UUID.randomUUID();
        given().auth().oauth2(frontDesk).get("/api/v1/customers/" + id)
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", equalTo("customer-service is not available"));
        attempts(id, 2);
    }

    private void attempts(String of, int expected) {
        given().auth().oauth2(frontDesk).queryParam("attemptsOf", of).get("/api/v1/customers")
                .then().statusCode(200).body("attempts", equalTo(expected));
    }
}
