package crm.experience.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import crm.testing.CrmTestResources;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * After CustomerErased nothing personal about the customer is stored again: log entries and survey answers still
 * count, as an anonymous guest's (no customer, no free text); a complaint, which is about the person, is refused.
 */
@QuarkusTest
@WithTestResource(CrmTestResources.class)
class WritesAfterErasureIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource db;

    @Test
    void aVisitLoggedForAnErasedCustomerIsStoredWithoutTheCustomerAndWithoutNotes() {
        String journey = Journeys.cafe();
        UUID customer = erasedCustomer();
        UUID visit = UUID.randomUUID();

        Logs.post(Logs.visit(visit, journey, customer, "store-a", "2026-11-02T09:00:00Z", "welcome", 2, "queue", 1))
                .statusCode(201).body("customerId", nullValue()).body("created", equalTo(2))
                .body("entries.note", everyItem(nullValue()));
        // one more entry of the same visit, single form, the same way a till sends it
        given().contentType(ContentType.JSON).body("""
                {"visitId":"%s","journeyCode":"%s","customerId":"%s","store":"store-a","recordedBy":"CUSTOMER",
                 "touchPointCode":"taste","score":3,"occurredAt":"2026-11-02T09:10:00Z","note":"Mr. Li loved it"}"""
                .formatted(visit, journey, customer)).post(Logs.PATH).then()
                .statusCode(201).body("customerId", nullValue()).body("entries[0].note", nullValue());

        given().get("/api/v1/experience/visits/" + visit + "/curve").then().statusCode(200)
                .body("customerId", nullValue()).body("points.score", contains(2, 1, 3));
        assertEquals(3, Rows.count(db, "SELECT count(*) FROM log_entry WHERE visit_id = ? AND note IS NULL",
                visit.toString()));
        assertEquals(0, Rows.linkedTo(db, customer));
    }

    @Test
    void aSurveyAnswerOfAnErasedCustomerIsStoredWithoutTheCustomerAndWithoutTheComment() {
        String survey = Voice.survey(null);
        UUID customer = erasedCustomer();

        String response = Voice.answer(survey, """
                {"customerId":"%s","answers":{"q1":2,"q2":4},"comment":"Call me on 138 0013 8000"}""".formatted(customer))
                .statusCode(201).body("customerId", nullValue()).body("comment", nullValue())
                .body("satisfaction", equalTo(2)).extract().path("responseId");

        given().get("/api/v1/experience/surveys/" + survey + "/results").then().body("responses", equalTo(1));
        assertEquals(1, Rows.count(db, """
                SELECT count(*) FROM survey_response WHERE id = ?::uuid AND customer_id IS NULL AND comment IS NULL""",
                response));
        // the complaint the unhappy answer opened is an anonymous one, without the comment
        assertEquals(1, Rows.count(db, """
                SELECT count(*) FROM complaint WHERE source = 'SURVEY' AND source_key = ? AND customer_id IS NULL
                AND description NOT LIKE '%138%'""", response));
        assertEquals(0, Rows.linkedTo(db, customer));
    }

    @Test
    void aNewComplaintForAnErasedCustomerIsRefused410NamingCustomerId() {
        UUID customer = erasedCustomer();
        given().contentType(ContentType.JSON).body("""
                {"customerId":"%s","severity":"LOW","channel":"PHONE","description":"Mr. Li was overcharged"}"""
                .formatted(customer)).post("/api/v1/experience/complaints").then()
                .statusCode(410).contentType("application/problem+json")
                .body("status", equalTo(410)).body("detail", equalTo("Customer " + customer + " was erased"))
                .body("errors[0].field", equalTo("customerId"));
        assertEquals(0, Rows.linkedTo(db, customer));
    }

    /** experience counts first purchases for new-vs-returning cohorts: a late sale of an erased customer counts nowhere. */
    @Test
    void aLateTransactionOfAnErasedCustomerIsConsumedAndStoresNothing() {
        UUID customer = erasedCustomer();
        String sale = UUID.randomUUID().toString();
        Wire.transaction(bootstrap, sale, customer, "2026-09-01T10:00:00Z", 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> Rows.processed(db, sale));
        assertEquals(0, Rows.count(db, "SELECT count(*) FROM customer_history WHERE customer_id = ?", customer));
        assertEquals(0, Rows.count(db, "SELECT count(*) FROM failed_event WHERE record_key = ?", customer.toString()));
    }

    /** A customer experience has applied the erasure of. */
    private UUID erasedCustomer() {
        UUID customer = UUID.randomUUID();
        Wire.erased(bootstrap, customer);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().get("/api/v1/experience/customers/" + customer + "/erasure").then().statusCode(200));
        return customer;
    }
}
