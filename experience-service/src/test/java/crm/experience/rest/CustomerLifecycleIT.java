package crm.experience.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

import crm.testing.CrmTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class CustomerLifecycleIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void anErasedCustomersVisitsLoseTheirNotesAndCustomerButKeepScoresAndCohorts() {
        String journey = Journeys.cafe();
        UUID customer = UUID.randomUUID();
        UUID first = Logs.log(journey, customer, null, "2026-10-01T09:00:00Z", "welcome", 1, "taste", -1);
        UUID second = Logs.log(journey, customer, null, "2026-10-05T09:00:00Z", "welcome", 3, "taste", 2);
        visit(second).body("customerId", equalTo(customer.toString())).body("points[0].note", equalTo("note 0"));

        Wire.erased(bootstrap, customer);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> visit(second).body("customerId", nullValue()));
        visit(second).body("points.note", everyItem(nullValue())).body("points.score", contains(3, 2))
                .body("remembered", equalTo(2.5f));
        visit(first).body("customerId", nullValue()).body("points.note", everyItem(nullValue()));
        curve(journey, "RETURNING").body("points[1].count", equalTo(1)).body("points[1].mean", equalTo(3.0f));
        curve(journey, "NEW").body("points[1].count", equalTo(1)).body("points[1].mean", equalTo(1.0f));
    }

    /** The duplicate bought in September and visited on 3 October; the survivor first visited on 2 October. */
    @Test
    void aMergeMakesTheDuplicatesVisitsAndFirstPurchaseTheSurvivors() {
        String journey = Journeys.cafe();
        UUID survivor = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        UUID survivorVisit = Logs.log(journey, survivor, null, "2026-10-02T09:00:00Z", "welcome", -2);
        UUID duplicateVisit = Logs.log(journey, duplicate, null, "2026-10-03T09:00:00Z", "welcome", 2);
        Wire.transaction(bootstrap, duplicate, "2026-09-01T10:00:00Z", 1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> curve(journey, "RETURNING").body("points[1].count", equalTo(1)));
        curve(journey, "NEW").body("points[1].count", equalTo(1)).body("points[1].mean", equalTo(-2.0f));

        String mergeId = UUID.randomUUID().toString();
        Wire.merged(bootstrap, mergeId, survivor, duplicate);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                visit(duplicateVisit).body("customerId", equalTo(survivor.toString())));
        // The survivor now bought before their own visit too: both visits are a returning customer's.
        curve(journey, "RETURNING").body("points[1].count", equalTo(2)).body("points[1].mean", equalTo(0.0f));
        curve(journey, "NEW").body("points[1].count", equalTo(0));

        Wire.merged(bootstrap, mergeId, survivor, duplicate);
        Wire.merged(bootstrap, UUID.randomUUID().toString(), survivor, duplicate);
        Wire.marker(bootstrap, duplicate);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().get("/api/v1/experience/customers/" + duplicate).then().statusCode(200));
        curve(journey, "RETURNING").body("points[1].count", equalTo(2));
        visit(survivorVisit).body("customerId", equalTo(survivor.toString()));
    }

    private static ValidatableResponse visit(UUID visit) {
        return given().get("/api/v1/experience/visits/" + visit + "/curve").then().statusCode(200);
    }

    private static ValidatableResponse curve(String journey, String cohort) {
        return given().queryParam("cohort", cohort).get("/api/v1/experience/journeys/" + journey + "/curve").then()
                .statusCode(200);
    }
}
