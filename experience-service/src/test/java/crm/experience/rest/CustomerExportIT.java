package crm.experience.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import crm.rest.Roles;
import crm.testing.Callers;
import crm.testing.CrmTestResources;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The customer's rights here: a copy of everything experience holds, and the state of their erasure. */
@QuarkusTest
@WithTestResource(CrmTestResources.class)
class CustomerExportIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource db;

    @Test
    void anExportHoldsEveryVisitResponseAndComplaintOfTheCustomerWithTheirFreeText() {
        String journey = Journeys.cafe();
        String survey = Voice.survey(null);
        UUID customer = UUID.randomUUID();
        UUID visit = Logs.log(journey, customer, "store-a", "2026-10-01T09:00:00Z", "welcome", 2, "taste", -1);
        Logs.log(journey, UUID.randomUUID(), "store-a", "2026-10-01T09:00:00Z", "welcome", 3);
        String response = Voice.answer(survey, """
                {"customerId":"%s","visitId":"%s","answeredAt":"2026-10-01T09:30:00Z",
                 "answers":{"q5":"MORE","q1":4,"q2":9},"comment":"Loved the window seat"}""".formatted(customer, visit))
                .statusCode(201).extract().path("responseId");
        String complaint = Voice.complaint(customer, "MEDIUM");
        Voice.move(complaint, "{\"to\":\"ACKNOWLEDGED\",\"note\":\"Called and apologised\"}").statusCode(200);

        export(customer).body("customerId", equalTo(customer.toString()))
                .body("visits", hasSize(1))
                .body("visits[0].visitId", equalTo(visit.toString()))
                .body("visits[0].journeyCode", equalTo(journey)).body("visits[0].journeyVersion", equalTo(1))
                .body("visits[0].store", equalTo("store-a")).body("visits[0].startedAt", equalTo("2026-10-01T09:00:00Z"))
                .body("visits[0].entries.touchPointCode", contains("welcome", "taste"))
                .body("visits[0].entries.position", contains(1, 8))
                .body("visits[0].entries.score", contains(2, -1))
                .body("visits[0].entries.occurredAt", contains("2026-10-01T09:00:00Z", "2026-10-01T09:02:00Z"))
                .body("visits[0].entries.note", contains("note 0", "note 2"))
                .body("visits[0].entries.recordedBy", contains("STAFF", "STAFF"))
                .body("surveyResponses", hasSize(1))
                .body("surveyResponses[0].responseId", equalTo(response))
                .body("surveyResponses[0].surveyId", equalTo(survey))
                .body("surveyResponses[0].surveyName", equalTo("Exit survey"))
                .body("surveyResponses[0].visitId", equalTo(visit.toString()))
                .body("surveyResponses[0].answeredAt", equalTo("2026-10-01T09:30:00Z"))
                .body("surveyResponses[0].answers.code", contains("q1", "q2", "q5"))
                .body("surveyResponses[0].answers.question", contains("How satisfied are you with today's visit?",
                        "How likely are you to recommend us?", "The price you paid was ... the value"))
                .body("surveyResponses[0].answers.answer", contains(4, 9, "MORE"))
                .body("surveyResponses[0].satisfaction", equalTo(4)).body("surveyResponses[0].nps", equalTo(9))
                .body("surveyResponses[0].expectation", nullValue())
                .body("surveyResponses[0].comment", equalTo("Loved the window seat"))
                .body("complaints", hasSize(1))
                .body("complaints[0].complaintId", equalTo(complaint))
                .body("complaints[0].source", equalTo("CUSTOMER"))
                .body("complaints[0].severity", equalTo("MEDIUM")).body("complaints[0].channel", equalTo("STORE"))
                .body("complaints[0].description", equalTo("The latte was cold"))
                .body("complaints[0].ownerId", equalTo("staff-1"))
                .body("complaints[0].status", equalTo("ACKNOWLEDGED"))
                .body("complaints[0].history.from", contains(null, "OPEN"))
                .body("complaints[0].history.to", contains("OPEN", "ACKNOWLEDGED"))
                .body("complaints[0].history.note", contains(null, "Called and apologised"))
                .body("complaints[0].history.actor", contains("test-staff", "test-staff"));
    }

    @Test
    void anExportOfACustomerNeverHeardOfIsEmptyListsAndOnlyThePrivacyOfficerMayAsk() {
        UUID stranger = UUID.randomUUID();
        export(stranger).body("customerId", equalTo(stranger.toString())).body("visits", empty())
                .body("surveyResponses", empty()).body("complaints", empty());
        Callers.assertForbidden(Callers.as("desk-1", Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER)
                .get("/api/v1/experience/customers/" + stranger + "/export"), "This needs the role privacy-officer");
        Callers.assertForbidden(Callers.as("desk-1", Roles.FRONT_DESK)
                .get("/api/v1/experience/customers/" + stranger + "/erasure"), "This needs the role privacy-officer");
        given().get("/api/v1/experience/customers/not-a-uuid/export").then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
    }

    /**
     * 404 until CustomerErased is applied; then the time it was applied here (not the erasedAt the event
     * carries), the export is empty, and the events experience still held about the customer are gone.
     */
    @Test
    void theErasureStatusIs404BeforeAndTheTimeItWasAppliedAfterWithNothingLeftToExport() {
        String journey = Journeys.cafe();
        UUID customer = UUID.randomUUID();
        Logs.log(journey, customer, null, "2026-10-01T09:00:00Z", "welcome", 2);
        Voice.complaint(customer, "LOW");
        Rows.update(db, """
                INSERT INTO failed_event (consumer, topic, partition_no, record_offset, record_key, payload, error, failed_at)
                VALUES ('experience-service', 'crm.transaction.v1', 0, 0, ?, '{"customerId":"x"}', 'unreadable', now())""",
                customer.toString());
        await().atMost(Duration.ofSeconds(15)).until(() -> Rows.count(db,
                "SELECT count(*) FROM outbox_event WHERE event_key = ? AND sent_at IS NOT NULL", customer.toString()) == 2);
        given().get("/api/v1/experience/customers/" + customer + "/erasure").then().statusCode(404)
                .contentType("application/problem+json");

        Instant before = Instant.now();
        Wire.erased(bootstrap, customer);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().get("/api/v1/experience/customers/" + customer + "/erasure").then().statusCode(200));
        ValidatableResponse status = given().get("/api/v1/experience/customers/" + customer + "/erasure").then()
                .body("customerId", equalTo(customer.toString()));
        Instant erasedAt = Instant.parse(status.extract().path("erasedAt"));
        assertTrue(!erasedAt.isBefore(before.minusSeconds(1)) && !erasedAt.isAfter(Instant.now()), erasedAt.toString());

        export(customer).body("visits", empty()).body("surveyResponses", empty()).body("complaints", empty());
        assertEquals(0, Rows.count(db, "SELECT count(*) FROM outbox_event WHERE event_key = ?", customer.toString()));
        assertEquals(1, Rows.count(db, "SELECT count(*) FROM failed_event WHERE record_key = ? AND payload IS NULL",
                customer.toString()));
        // a repeated erasure keeps the first time
        String again = UUID.randomUUID().toString();
        Wire.erased(bootstrap, again, customer);
        await().atMost(Duration.ofSeconds(15)).until(() -> Rows.processed(db, again));
        given().get("/api/v1/experience/customers/" + customer + "/erasure").then()
                .body("erasedAt", equalTo(status.extract().path("erasedAt")));
    }

    private static ValidatableResponse export(UUID customer) {
        return given().get("/api/v1/experience/customers/" + customer + "/export").then().statusCode(200)
                .contentType("application/json");
    }
}
