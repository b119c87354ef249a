package crm.experience.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.events.Topics;
import crm.testing.CrmTestResources;
import crm.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A till may still hold a card merged into another: whatever it writes with the duplicate's id lands on the
 * survivor, the answer and the events name the survivor, and the survivor's erasure holds for it.
 */
@QuarkusTest
@WithTestResource(CrmTestResources.class)
class WritesForAMergedIdIT {
    private static final String COMPLAINTS = "/api/v1/experience/complaints";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource db;

    @Test
    void aLogEntryAComplaintAndASurveyAnswerForTheDuplicatesIdLandOnTheSurvivor() throws Exception {
        String journey = Journeys.cafe();
        String survey = Voice.survey(null);
        UUID survivor = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        UUID survivorsVisit = Logs.log(journey, survivor, null, "2026-10-02T09:00:00Z", "welcome", 2);
        merge(survivor, duplicate);
        await().atMost(Duration.ofSeconds(15)).until(() -> Rows.count(db,
                "SELECT count(*) FROM outbox_event WHERE event_key = ? AND sent_at IS NULL", survivor.toString()) == 0);

        UUID visit = UUID.randomUUID();
        try (TopicReader topic = new TopicReader(bootstrap, Topics.EXPERIENCE)) {
            Logs.post(Logs.visit(visit, journey, duplicate, null, "2026-11-03T09:00:00Z", "welcome", 1, "taste", 3))
                    .statusCode(201).body("customerId", equalTo(survivor.toString())).body("created", equalTo(2))
                    .header("Location", "/api/v1/experience/visits/" + visit + "/curve");
            String complaint = complaint(duplicate, null).statusCode(201)
                    .body("customerId", equalTo(survivor.toString())).extract().path("id");
            String response = Voice.answer(survey, """
                    {"customerId":"%s","answers":{"q1":4,"q2":9},"comment":"Good coffee"}""".formatted(duplicate))
                    .statusCode(201).body("customerId", equalTo(survivor.toString())).body("complaintId", nullValue())
                    .extract().path("responseId");

            // 2 ExperienceLogged, ComplaintOpened and SurveyAnswered, all keyed by and naming the survivor
            topic.awaitValues(survivor.toString(), 4);
            Thread.sleep(500);
            List<String> events = topic.values(survivor.toString());
            assertEquals(0, topic.values(duplicate.toString()).size());
            List<String> types = new ArrayList<>();
            for (String event : events) {
                JsonNode e = new ObjectMapper().readTree(event);
                types.add(e.get("type").asText());
                assertEquals(survivor.toString(), e.get("subject").asText());
                assertEquals(survivor.toString(), e.get("data").get("customerId").asText());
            }
            assertEquals(List.of("crm.ComplaintOpened", "crm.ExperienceLogged", "crm.ExperienceLogged",
                    "crm.SurveyAnswered"), types.stream().sorted().toList());

            given().get("/api/v1/experience/visits/" + visit + "/curve").then().statusCode(200)
                    .body("customerId", equalTo(survivor.toString())).body("points.score", contains(1, 3));
            given().queryParam("customerId", survivor.toString()).get(COMPLAINTS).then().statusCode(200)
                    .body("total", equalTo(1)).body("items.id", contains(complaint));
            given().get("/api/v1/experience/customers/" + survivor + "/export").then().statusCode(200)
                    .body("visits.visitId", containsInAnyOrder(survivorsVisit.toString(), visit.toString()))
                    .body("complaints.complaintId", contains(complaint))
                    .body("surveyResponses.responseId", contains(response))
                    .body("surveyResponses[0].comment", equalTo("Good coffee"));
        }
        given().queryParam("customerId", duplicate.toString()).get(COMPLAINTS).then().statusCode(200)
                .body("total", equalTo(0));
        assertEquals(0, Rows.linkedTo(db, duplicate));
        assertEquals(2, Rows.count(db, "SELECT count(*) FROM visit WHERE customer_id = ?", survivor));
    }

    @Test
    void aVisitOfTheSurvivorLoggedAgainWithTheDuplicatesIdIsARepeatNotAConflict() {
        String journey = Journeys.cafe();
        UUID survivor = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        UUID visit = UUID.randomUUID();
        Logs.post(Logs.visit(visit, journey, survivor, "s1", "2026-10-02T09:00:00Z", "welcome", 2, "queue", -1))
                .statusCode(201);
        merge(survivor, duplicate);

        Logs.post(Logs.visit(visit, journey, duplicate, "s1", "2026-10-02T09:00:00Z", "welcome", 2, "queue", -1))
                .statusCode(200).body("customerId", equalTo(survivor.toString()))
                .body("created", equalTo(0)).body("repeated", equalTo(2));
        // one more entry of that visit, the duplicate's card still at the till
        Logs.post("""
                {"visitId":"%s","journeyCode":"%s","customerId":"%s","store":"s1","recordedBy":"STAFF",
                 "touchPointCode":"taste","score":3,"occurredAt":"2026-10-02T09:30:00Z"}"""
                .formatted(visit, journey, duplicate))
                .statusCode(201).body("customerId", equalTo(survivor.toString())).body("created", equalTo(1));
        given().get("/api/v1/experience/visits/" + visit + "/curve").then().statusCode(200)
                .body("customerId", equalTo(survivor.toString())).body("points.score", contains(2, -1, 3));
    }

    @Test
    void retriesSentWithTheDuplicatesIdBeforeTheMergeAnswerWhatWasStoredUnderTheSurvivor() {
        String journey = Journeys.cafe();
        String survey = Voice.survey(null);
        UUID survivor = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        UUID visit = UUID.randomUUID();
        String log = Logs.visit(visit, journey, duplicate, null, "2026-10-03T09:00:00Z", "welcome", 2, "taste", 1);
        List<String> entries = Logs.post(log).statusCode(201).extract().path("entries.id");
        String key = "till-4-" + UUID.randomUUID();
        String complaint = complaint(duplicate, key).statusCode(201).extract().path("id");
        String answer = """
                {"responseId":"%s","customerId":"%s","answers":{"q1":5},"comment":"Thanks"}"""
                .formatted(UUID.randomUUID(), duplicate);
        String response = Voice.answer(survey, answer).statusCode(201).extract().path("responseId");
        merge(survivor, duplicate);

        Logs.post(log).statusCode(200).body("customerId", equalTo(survivor.toString()))
                .body("repeated", equalTo(2)).body("entries.id", equalTo(entries));
        complaint(duplicate, key).statusCode(200).body("id", equalTo(complaint))
                .body("customerId", equalTo(survivor.toString()));
        Voice.answer(survey, answer).statusCode(200).body("responseId", equalTo(response))
                .body("customerId", equalTo(survivor.toString()));
        given().queryParam("customerId", survivor.toString()).get(COMPLAINTS).then().statusCode(200)
                .body("total", equalTo(1));
        assertEquals(1, Rows.count(db, "SELECT count(*) FROM survey_response WHERE customer_id = ?", survivor));
    }

    @Test
    void aChainOfMergesResolvesToTheLastSurvivor() {
        String journey = Journeys.cafe();
        String survey = Voice.survey(null);
        UUID survivor = UUID.randomUUID();
        UUID middle = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        merge(middle, duplicate);
        merge(survivor, middle);

        UUID visit = UUID.randomUUID();
        Logs.post(Logs.visit(visit, journey, duplicate, null, "2026-11-04T09:00:00Z", "welcome", -1))
                .statusCode(201).body("customerId", equalTo(survivor.toString()));
        complaint(duplicate, null).statusCode(201).body("customerId", equalTo(survivor.toString()));
        Voice.answer(survey, "{\"customerId\":\"" + duplicate + "\",\"answers\":{\"q1\":3}}").statusCode(201)
                .body("customerId", equalTo(survivor.toString()));

        given().get("/api/v1/experience/customers/" + survivor + "/export").then().statusCode(200)
                .body("visits.visitId", contains(visit.toString())).body("complaints", hasSize(1))
                .body("surveyResponses", hasSize(1));
        assertEquals(0, Rows.linkedTo(db, duplicate, middle));
    }

    /** A merge whose events arrive survivor-side first: the duplicate's data goes straight to the chain's end. */
    @Test
    void aMergeIntoAnIdMergedAwayAlreadyRekeysToTheLastSurvivor() {
        String journey = Journeys.cafe();
        UUID survivor = UUID.randomUUID();
        UUID middle = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        UUID visit = Logs.log(journey, duplicate, null, "2026-10-05T09:00:00Z", "welcome", 1);
        String complaint = complaint(duplicate, null).statusCode(201).extract().path("id");
        merge(survivor, middle);
        merge(middle, duplicate);

        given().get("/api/v1/experience/visits/" + visit + "/curve").then().statusCode(200)
                .body("customerId", equalTo(survivor.toString()));
        given().get(COMPLAINTS + "/" + complaint).then().statusCode(200).body("customerId", equalTo(survivor.toString()));
        assertEquals(0, Rows.linkedTo(db, duplicate, middle));
    }

    @Test
    void aWriteForTheDuplicateOfAnErasedSurvivorIsRefusedOrUnlinkedAsOneForTheSurvivor() {
        String journey = Journeys.cafe();
        String survey = Voice.survey(null);
        UUID survivor = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        merge(survivor, duplicate);
        Wire.erased(bootstrap, survivor);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().get("/api/v1/experience/customers/" + survivor + "/erasure").then().statusCode(200));

        complaint(duplicate, null).statusCode(410).contentType("application/problem+json")
                .body("errors.field", contains("customerId"));
        UUID visit = UUID.randomUUID();
        Logs.post(Logs.visit(visit, journey, duplicate, null, "2026-11-05T09:00:00Z", "welcome", 2, "taste", -2))
                .statusCode(201).body("customerId", nullValue()).body("entries.note", everyItem(nullValue()));
        Voice.answer(survey, "{\"customerId\":\"" + duplicate + "\",\"answers\":{\"q1\":4},\"comment\":\"Mrs. Li\"}")
                .statusCode(201).body("customerId", nullValue()).body("comment", nullValue());

        given().get("/api/v1/experience/visits/" + visit + "/curve").then().statusCode(200)
                .body("customerId", nullValue()).body("points.score", contains(2, -2));
        assertEquals(0, Rows.linkedTo(db, survivor, duplicate));
    }

    /** Complaints for the duplicate's id sent while its merge is applied: none is left under the duplicate. */
    @Test
    void writesRacingTheMergeAllEndOnTheSurvivor() throws Exception {
        UUID survivor = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        int writes = 40;
        String merge = null;
        ExecutorService tills = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < writes; i++) {
                sent.add(CompletableFuture.supplyAsync(() -> complaint(duplicate, null).extract().statusCode(), tills));
                if (i == writes / 4) {
                    merge = send(survivor, duplicate);
                }
            }
            for (CompletableFuture<Integer> status : sent) {
                assertEquals(201, status.get());
            }
        } finally {
            tills.shutdown();
        }
        String applied = merge;
        await().atMost(Duration.ofSeconds(15)).until(() -> Rows.processed(db, applied));
        given().queryParam("customerId", survivor.toString()).get(COMPLAINTS).then().statusCode(200)
                .body("total", equalTo(writes));
        assertEquals(0, Rows.linkedTo(db, duplicate));
    }

    private void merge(UUID survivor, UUID duplicate) {
        String event = send(survivor, duplicate);
        await().atMost(Duration.ofSeconds(15)).until(() -> Rows.processed(db, event));
    }

    /** CustomerMerged on the wire; its event id. */
    private String send(UUID survivor, UUID duplicate) {
        String event = UUID.randomUUID().toString();
        Wire.merged(bootstrap, event, survivor, duplicate);
        return event;
    }

    private static ValidatableResponse complaint(UUID customer, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body("""
                {"customerId":"%s","severity":"LOW","channel":"STORE","description":"Cold latte"}""".formatted(customer))
                .post(COMPLAINTS).then();
    }
}
