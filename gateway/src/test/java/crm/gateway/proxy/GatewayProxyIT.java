package crm.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import crm.gateway.FrontDoorResources;
import crm.gateway.TestKeys;
import crm.rest.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FakeServices.class)
@WithTestResource(FrontDoorResources.class)
class GatewayProxyIT {
    private String frontDesk;

    @BeforeEach
    void issueKey() {
        frontDesk = TestKeys.issue(Roles.FRONT_DESK);
    }

    @Test
    void passesStatusHeadersAndBodyThroughUnchanged() {
        given().auth().oauth2(frontDesk).contentType(ContentType.JSON)
                .header("X-Request-Id", "abc-123")
                .body("{\"displayName\":  \"Yu Wei\"}")
                .post("/api/v1/customers?source=desk")
                .then().statusCode(201)
                .header("Location", "/api/v1/customers/42")
                .header("X-Seen-Header", "abc-123")
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/api/v1/customers?source=desk"))
                .body("body", equalTo("{\"displayName\":  \"Yu Wei\"}"));
    }

    @Test
    void aServiceThatIsDownIs503ProblemJson() {
        given().auth().oauth2(frontDesk).get("/api/v1/segments/customers/1")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("status", equalTo(503))
                .body("detail", equalTo("segmentation-service is not available"));
    }

    @Test
    void aServiceThatDoesNotAnswerIs504ProblemJson() {
        given().auth().oauth2(frontDesk).get("/api/v1/experience/customers/1")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("status", equalTo(504))
                .body("detail", equalTo("experience-service did not answer in time"));
    }

    @Test
    void pathsOutsideTheRoutesAreNotProxied() {
        given().auth().oauth2(frontDesk).get("/api/v1/customersX").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
