package crm.experience.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

import crm.testing.CrmTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** CustomerMerged and CustomerErased from customer-service, as they arrive on the wire. */
@QuarkusTest
@WithTestResource(CrmTestResources.class)
class VoicePrivacyIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aMergeRekeysResponsesAndComplaints() {
        String survey = Voice.survey(null);
        UUID survivor = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        String response = Voice.answer(survey, duplicate, 4);
        String complaint = Voice.complaint(duplicate, "LOW");

        String eventId = UUID.randomUUID().toString();
        Wire.merged(bootstrap, eventId, survivor, duplicate);
        Wire.merged(bootstrap, eventId, survivor, duplicate);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/api/v1/experience/complaints?customerId=" + survivor).then().body("items.id", contains(complaint)));
        given().get("/api/v1/experience/complaints?customerId=" + duplicate).then().body("total", equalTo(0));
        given().get("/api/v1/experience/surveys/" + survey + "/responses/" + response).then()
                .body("customerId", equalTo(survivor.toString()));
        given().queryParam("customerId", survivor.toString()).get("/api/v1/experience/surveys/" + survey + "/eligibility")
                .then().body("reasons.code", containsInAnyOrder("QUIET_PERIOD", "OPEN_COMPLAINT"));
        given().queryParam("customerId", duplicate.toString()).get("/api/v1/experience/surveys/" + survey + "/eligibility")
                .then().body("ask", equalTo(true));
    }

    @Test
    void anErasureRemovesFreeTextAndTheLinkButKeepsTheScores() {
        String survey = Voice.survey(null);
        UUID customer = UUID.randomUUID();
        String response = Voice.answer(survey, """
                {"customerId":"%s","answers":{"q1":2,"q2":3},"comment":"Mr. Zhang found a hair in his soup"}"""
                .formatted(customer)).statusCode(201).extract().path("responseId");
        String complaint = Voice.complaint(customer, "HIGH");
        Voice.move(complaint, "{\"to\":\"ACKNOWLEDGED\",\"note\":\"Called Mr. Zhang on 138 0013 8000\"}").statusCode(200);
        String results = given().get("/api/v1/experience/surveys/" + survey + "/results").then().extract().asString();

        Wire.erased(bootstrap, customer);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/api/v1/experience/surveys/" + survey + "/responses/" + response).then()
                        .body("customerId", nullValue()).body("comment", nullValue()));
        given().get("/api/v1/experience/surveys/" + survey + "/responses/" + response).then()
                .body("satisfaction", equalTo(2)).body("nps", equalTo(3)).body("answers.q1", equalTo(2));
        given().get("/api/v1/experience/complaints/" + complaint).then()
                .body("customerId", nullValue()).body("description", nullValue())
                .body("status", equalTo("ACKNOWLEDGED")).body("severity", equalTo("HIGH"))
                .body("history.note", everyItem(nullValue()));
        // the complaint the unhappy answer opened carried the comment: it went too
        String opened = given().get("/api/v1/experience/surveys/" + survey + "/responses/" + response).then()
                .extract().path("complaintId");
        given().get("/api/v1/experience/complaints/" + opened).then().body("description", nullValue())
                .body("customerId", nullValue());
        given().get("/api/v1/experience/complaints?customerId=" + customer).then().body("total", equalTo(0));
        given().get("/api/v1/experience/surveys/" + survey + "/results").then().body(equalTo(results));
    }
}
