package crm.experience.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import crm.experience.rest.Voice;
import crm.testing.CrmTestResources;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The closed loop: satisfaction 1-2 and log entries of −3 open a complaint once, unless the journey says not to. */
@QuarkusTest
@WithTestResource(CrmTestResources.class)
class AutoComplaintIT {

    @Inject
    Event<LogEntryRecorded> recorded;

    @Inject
    AgroalDataSource db;

    @Test
    void unhappySurveyAnswersOpenAComplaintOnce() {
        String survey = Voice.survey(null);
        UUID customer = UUID.randomUUID();
        String visit = "R-" + System.nanoTime();
        String body = """
                {"customerId":"%s","visitId":"%s","answers":{"q1":1},"comment":"Cold food"}""".formatted(customer, visit);
        String complaint = Voice.answer(survey, body).statusCode(201).body("complaintId", notNullValue())
                .extract().path("complaintId");
        given().get("/api/v1/experience/complaints/" + complaint).then().statusCode(200)
                .body("source", equalTo("SURVEY")).body("severity", equalTo("HIGH")).body("status", equalTo("OPEN"))
                .body("customerId", equalTo(customer.toString())).body("visitId", equalTo(visit))
                .body("channel", nullValue()).body("description", containsString("Cold food"))
                .body("openedBy", nullValue()).body("history[0].actor", nullValue());
        // the same response again: no second complaint
        String responseId = Voice.answer(survey, "{\"responseId\":\"" + UUID.randomUUID() + "\",\"customerId\":\"" + customer
                + "\",\"answers\":{\"q1\":2}}").statusCode(201).extract().path("responseId");
        String second = given().get("/api/v1/experience/surveys/" + survey + "/responses/" + responseId).then()
                .extract().path("complaintId");
        given().get("/api/v1/experience/complaints/" + second).then().body("severity", equalTo("MEDIUM"));
        Voice.answer(survey, "{\"responseId\":\"" + responseId + "\",\"customerId\":\"" + customer
                + "\",\"answers\":{\"q1\":2}}").statusCode(200).body("complaintId", equalTo(second));
        Voice.answer(survey, "{\"customerId\":\"" + customer + "\",\"answers\":{\"q1\":3}}").statusCode(201)
                .body("complaintId", nullValue());
        given().get("/api/v1/experience/complaints?customerId=" + customer).then().body("total", equalTo(2));

        String anonymous = Voice.answer(survey, "{\"answers\":{\"q1\":2}}").statusCode(201).extract().path("complaintId");
        given().get("/api/v1/experience/complaints/" + anonymous).then().body("customerId", nullValue());
    }

    @Test
    void theJourneySwitchDecidesForItsSurveys() {
        UUID customer = UUID.randomUUID();
        String off = Voice.survey(Voice.journey(false));
        Voice.answer(off, "{\"customerId\":\"" + customer + "\",\"answers\":{\"q1\":1}}").statusCode(201)
                .body("complaintId", nullValue());
        String on = Voice.survey(Voice.journey(true));
        Voice.answer(on, "{\"customerId\":\"" + customer + "\",\"answers\":{\"q1\":1}}").statusCode(201)
                .body("complaintId", notNullValue());
        given().get("/api/v1/experience/complaints?customerId=" + customer).then().body("total", equalTo(1))
                .body("items[0].journeyCode", notNullValue());
    }

    @Test
    void aTerribleLogEntryOpensAComplaintOnce() throws Exception {
        UUID customer = UUID.randomUUID();
        LogEntryRecorded terrible = entry(customer, -3, true);
        fire(terrible);
        fire(terrible);
        fire(entry(customer, -2, true));
        fire(entry(customer, -3, false));
        given().get("/api/v1/experience/complaints?customerId=" + customer).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].source", equalTo("EXPERIENCE_LOG"))
                .body("items[0].severity", equalTo("HIGH"))
                .body("items[0].touchPointCode", equalTo("queue"))
                .body("items[0].visitId", equalTo(terrible.visitId()));

        LogEntryRecorded anonymous = entry(null, -3, true);
        fire(anonymous);
        assertEquals(1, fromEntry(anonymous).size(), "an anonymous −3 opens a complaint without a customer");
        given().get("/api/v1/experience/complaints/" + fromEntry(anonymous).get(0)).then()
                .body("customerId", nullValue()).body("description", containsString("terrible"));
    }

    @Test
    void throughTheLogEndpointAndItsJourneySwitch() {
        UUID customer = UUID.randomUUID();
        log(Voice.journey(true), customer);
        log(Voice.journey(false), customer);
        given().get("/api/v1/experience/complaints?customerId=" + customer).then()
                .body("total", equalTo(1)).body("items.touchPointCode", contains("queue"));
    }

    private static void log(String journey, UUID customer) {
        given().contentType(ContentType.JSON).body("""
                {"visitId":"%s","journeyCode":"%s","customerId":"%s","recordedBy":"STAFF","entries":[
                 {"touchPointCode":"welcome","score":1,"occurredAt":"2026-10-14T09:00:00Z"},
                 {"touchPointCode":"queue","score":-3,"occurredAt":"2026-10-14T09:10:00Z"}]}"""
                .formatted(UUID.randomUUID(), journey, customer))
                .post("/api/v1/experience/logs").then().statusCode(201);
    }

    private void fire(LogEntryRecorded entry) {
        QuarkusTransaction.requiringNew().run(() -> recorded.fire(entry));
    }

    private static LogEntryRecorded entry(UUID customer, int score, boolean autoComplaints) {
        return new LogEntryRecorded(UUID.randomUUID(), "Q-" + UUID.randomUUID(), customer, "cafe-visit", "queue", score,
                Instant.parse("2026-10-14T09:10:00Z"), autoComplaints);
    }

    private List<String> fromEntry(LogEntryRecorded entry) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT id FROM complaint WHERE source = 'EXPERIENCE_LOG' AND source_key = ?")) {
            s.setString(1, entry.entryId().toString());
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }
}
