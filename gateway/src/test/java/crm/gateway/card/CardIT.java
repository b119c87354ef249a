package crm.gateway.card;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import crm.gateway.FrontDoorResources;
import crm.gateway.TestKeys;
import crm.rest.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CardFakeServices.class)
@WithTestResource(FrontDoorResources.class)
class CardIT {
    private String frontDesk;

    @BeforeEach
    void issueKey() {
        frontDesk = TestKeys.issue(Roles.FRONT_DESK);
    }

    @Test
    void aSilentServiceLeavesItsSectionUnavailableAndTheRestRankedWithoutMarketingShesDenied() {
        given().auth().oauth2(frontDesk).get("/api/v1/customers/" + CardFakeServices.GUEST + "/card").then()
                .statusCode(200)
                .body("customerId", equalTo(CardFakeServices.GUEST))
                .body("customer.salutation", equalTo("Ms. Lin"))
                .body("value.previousLevel", equalTo("BIG"))
                .body("experience", nullValue())
                .body("unavailable.section", contains("experience"))
                .body("unavailable[0].reason", equalTo("experience-service did not answer within 300 ms"))
                // DEVELOP is a marketing offer and she has not consented to marketing
                .body("actions.code", contains("WISH_DATE", "WIN_BACK", "OFFER_USUAL"))
                .body("actions.section", contains("customer", "value", "customer"))
                .body("actions.priority", contains(80, 70, 30))
                .body("actions[1].facts.from", equalTo("BIG"));
    }

    @Test
    void aPhoneFindsTheGuestAndTheOtherSectionsAreAskedWithHerId() {
        given().auth().oauth2(frontDesk).queryParam("phone", "+8613812345678").get("/api/v1/card").then()
                .statusCode(200)
                .body("customerId", equalTo(CardFakeServices.GUEST))
                .body("value.customerId", equalTo(CardFakeServices.GUEST));
        given().auth().oauth2(frontDesk).queryParam("phone", "+8613800000000").get("/api/v1/card").then()
                .statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No customer is identified by PHONE"));
    }

    @Test
    void aMergedIdAnswersTheSurvivorsCardAndAnErasedOneIs410() {
        given().auth().oauth2(frontDesk).get("/api/v1/customers/" + CardFakeServices.MERGED + "/card").then()
                .statusCode(200)
                .body("customerId", equalTo(CardFakeServices.GUEST))
                .body("customer.mergedFrom", equalTo(CardFakeServices.MERGED))
                .body("value.customerId", equalTo(CardFakeServices.GUEST));
        given().auth().oauth2(frontDesk).get("/api/v1/customers/" + CardFakeServices.ERASED + "/card").then()
                .statusCode(410).contentType("application/problem+json");
    }

    @Test
    void onlyTheFrontDeskAndAccountManagersReadCards() {
        given().auth().oauth2(TestKeys.issue(Roles.ANALYST)).get("/api/v1/customers/" + CardFakeServices.GUEST + "/card")
                .then().statusCode(403).body("detail", equalTo("This needs the role front-desk or account-manager"));
        given().auth().oauth2(TestKeys.issue(Roles.POS)).queryParam("phone", "+8613812345678").get("/api/v1/card")
                .then().statusCode(403);
        given().get("/api/v1/card").then().statusCode(401);
    }
}
