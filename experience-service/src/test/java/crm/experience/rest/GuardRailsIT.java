package crm.experience.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import crm.testing.CrmTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Complaints and journeys are paged alike, a page past the end is empty, a bad parameter is a 400 naming it. */
@QuarkusTest
@WithTestResource(CrmTestResources.class)
class GuardRailsIT {
    private static final String UUID_MESSAGE = "must be a UUID, e.g. 6f1c2a9e-5b1d-4c1e-9a57-3f0f5a1f2b11";
    private static final String WHOLE_NUMBER = "must be a whole number between -2147483648 and 2147483647";

    @Test
    void aComplaintPageBeyondTheLastIsEmptyNotAnError() {
        UUID customer = UUID.randomUUID();
        String first = Voice.complaint(customer, "LOW");
        String second = Voice.complaint(customer, "HIGH");
        given().queryParam("customerId", customer).queryParam("page", 2147483647).queryParam("size", 100)
                .get("/api/v1/experience/complaints").then().statusCode(200)
                .body("items", empty()).body("page", equalTo(2147483647)).body("size", equalTo(100))
                .body("total", equalTo(2));
        given().queryParam("customerId", customer).queryParam("page", 1).queryParam("size", 1)
                .get("/api/v1/experience/complaints").then().statusCode(200)
                .body("items.id", contains(first)).body("total", equalTo(2));
        given().queryParam("customerId", customer).queryParam("status", "").queryParam("size", 1)
                .get("/api/v1/experience/complaints").then().statusCode(200)
                .body("items.id", contains(second)).body("total", equalTo(2));
        given().queryParam("page", 2147483647).queryParam("size", 100).get("/api/v1/experience/journeys").then()
                .statusCode(200).body("items", empty()).body("page", equalTo(2147483647));
    }

    @Test
    void aBadQueryOrPathParameterIsA400NamingIt() {
        badParameter("/api/v1/experience/complaints?status=LOST", "status",
                "must be one of [OPEN, ACKNOWLEDGED, RESOLVED, CLOSED]");
        badParameter("/api/v1/experience/complaints?overdue=yes", "overdue", "must be true or false");
        badParameter("/api/v1/experience/complaints?customerId=guest-7", "customerId", UUID_MESSAGE);
        badParameter("/api/v1/experience/complaints?page=2147483648", "page", WHOLE_NUMBER);
        badParameter("/api/v1/experience/complaints?size=101", "size", "must be between 1 and 100");
        badParameter("/api/v1/experience/journeys?size=many", "size", WHOLE_NUMBER);
        badParameter("/api/v1/experience/complaints/not-a-uuid", "id", UUID_MESSAGE);
        badParameter("/api/v1/experience/customers/not-a-uuid/card-section", "id", UUID_MESSAGE);
        badParameter("/api/v1/experience/surveys/" + UUID.randomUUID() + "/eligibility?customerId=guest-7",
                "customerId", UUID_MESSAGE);
        badParameter("/api/v1/experience/surveys/" + UUID.randomUUID() + "/eligibility", "customerId", "is required");
    }

    private static void badParameter(String path, String field, String message) {
        given().urlEncodingEnabled(false).get(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field)).body("errors[0].message", equalTo(message))
                .body("detail", equalTo(field + ": " + message));
    }
}
