package crm.experience.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import crm.testing.CrmTestResources;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A customer's events and their duplicate's travel on different partitions, so CustomerErased(survivor) may come
 * before or after CustomerMerged(duplicate to survivor): either way no free text and no link to the person is left.
 */
@QuarkusTest
@WithTestResource(CrmTestResources.class)
class MergeAndErasureInEitherOrderIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource db;

    /** The duplicate's data held here: a visit, an answer with a comment, a complaint with a note. */
    private record Held(UUID visit, String response, String complaint) {
    }

    @Test
    void aMergeIntoASurvivorErasedAlreadyErasesTheDuplicatesDataInsteadOfRekeyingIt() {
        String journey = Journeys.cafe();
        String survey = Voice.survey(null);
        UUID survivor = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        Held survivors = hold(journey, survey, survivor);
        Held duplicates = hold(journey, survey, duplicate);
        erase(survivor);

        String merge = UUID.randomUUID().toString();
        Wire.merged(bootstrap, merge, survivor, duplicate);
        await().atMost(Duration.ofSeconds(15)).until(() -> Rows.processed(db, merge));

        given().get("/api/v1/experience/customers/" + duplicate + "/erasure").then().statusCode(200)
                .body("customerId", equalTo(duplicate.toString()));
        assertEquals(0, Rows.linkedTo(db, survivor, duplicate));
        assertEquals(0, freeText(survivors, duplicates));
        assertEquals(0, Rows.count(db, "SELECT count(*) FROM outbox_event WHERE event_key = ANY (?)",
                (Object) new String[] {survivor.toString(), duplicate.toString()}));
        // the scores stay: the visit still happened
        given().get("/api/v1/experience/visits/" + duplicates.visit() + "/curve").then().statusCode(200)
                .body("points.score", contains(2, -2));
        exportsNothing(survivor);
        exportsNothing(duplicate);
        Voice.answer(survey, "{\"customerId\":\"" + duplicate + "\",\"answers\":{\"q1\":5},\"comment\":\"again\"}")
                .statusCode(201).body("customerId", equalTo(null)).body("comment", equalTo(null));
    }

    @Test
    void aDuplicateErasedBeforeItsMergeStaysErasedAndNothingOfItReachesTheSurvivor() {
        String journey = Journeys.cafe();
        String survey = Voice.survey(null);
        UUID survivor = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        String survivorsComplaint = Voice.complaint(survivor, "LOW");
        Held duplicates = hold(journey, survey, duplicate);
        erase(duplicate);

        String merge = UUID.randomUUID().toString();
        Wire.merged(bootstrap, merge, survivor, duplicate);
        await().atMost(Duration.ofSeconds(15)).until(() -> Rows.processed(db, merge));

        given().get("/api/v1/experience/customers/" + survivor + "/export").then().statusCode(200)
                .body("visits", empty()).body("surveyResponses", empty())
                .body("complaints.complaintId", contains(survivorsComplaint));
        given().get("/api/v1/experience/customers/" + duplicate + "/erasure").then().statusCode(200);
        given().get("/api/v1/experience/customers/" + survivor + "/erasure").then().statusCode(404);
        assertEquals(0, Rows.linkedTo(db, duplicate));
        assertEquals(0, freeText(duplicates));
    }

    /** Data re-keyed by the merge (the complaint and the one the unhappy answer opened), and a visit the till still logged under the duplicate's card afterwards. */
    @Test
    void anErasureAfterAMergeReachesTheDuplicatesDataAndWhatArrivedUnderItsIdSince() {
        String journey = Journeys.cafe();
        String survey = Voice.survey(null);
        UUID survivor = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        Held duplicates = hold(journey, survey, duplicate);
        String merge = UUID.randomUUID().toString();
        Wire.merged(bootstrap, merge, survivor, duplicate);
        await().atMost(Duration.ofSeconds(15)).until(() -> Rows.processed(db, merge));
        given().get("/api/v1/experience/customers/" + survivor + "/export").then()
                .body("complaints", hasSize(2)).body("complaints.complaintId", hasItem(duplicates.complaint()));
        UUID late = Logs.log(journey, duplicate, null, "2026-11-03T09:00:00Z", "welcome", 1);
        Held after = new Held(late, duplicates.response(), duplicates.complaint());
        await().atMost(Duration.ofSeconds(15)).until(() -> Rows.count(db,
                "SELECT count(*) FROM outbox_event WHERE event_key = ? AND sent_at IS NULL", survivor.toString()) == 0);

        erase(survivor);

        given().get("/api/v1/experience/customers/" + duplicate + "/erasure").then().statusCode(200);
        assertEquals(0, Rows.linkedTo(db, survivor, duplicate));
        assertEquals(0, freeText(duplicates, after));
        assertEquals(0, Rows.count(db, "SELECT count(*) FROM outbox_event WHERE event_key = ANY (?)",
                (Object) new String[] {survivor.toString(), duplicate.toString()}));
        exportsNothing(survivor);
        exportsNothing(duplicate);
    }

    /** A two-entry visit with notes, an unhappy answer with a comment, a complaint with a note. */
    private static Held hold(String journey, String survey, UUID customer) {
        UUID visit = Logs.log(journey, customer, null, "2026-10-01T09:00:00Z", "welcome", 2, "taste", -2);
        String response = Voice.answer(survey, """
                {"customerId":"%s","answers":{"q1":2},"comment":"Ask for Mrs. Wang at table 4"}""".formatted(customer))
                .statusCode(201).extract().path("responseId");
        String complaint = Voice.complaint(customer, "HIGH");
        Voice.move(complaint, "{\"to\":\"ACKNOWLEDGED\",\"note\":\"Called Mrs. Wang at home\"}").statusCode(200);
        return new Held(visit, response, complaint);
    }

    private void erase(UUID customer) {
        Wire.erased(bootstrap, customer);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().get("/api/v1/experience/customers/" + customer + "/erasure").then().statusCode(200));
    }

    private static void exportsNothing(UUID customer) {
        given().get("/api/v1/experience/customers/" + customer + "/export").then().statusCode(200)
                .body("visits", empty()).body("surveyResponses", empty()).body("complaints", empty());
    }

    /** Notes, comments and descriptions left in what these customers held (the complaint their answer opened too). */
    private long freeText(Held... held) {
        long left = 0;
        for (Held h : held) {
            left += Rows.count(db, "SELECT count(*) FROM log_entry WHERE visit_id = ? AND note IS NOT NULL",
                    h.visit().toString());
            left += Rows.count(db, "SELECT count(*) FROM survey_response WHERE id = ?::uuid AND comment IS NOT NULL",
                    h.response());
            left += Rows.count(db, """
                    SELECT count(*) FROM complaint c LEFT JOIN complaint_transition t ON t.complaint_id = c.id
                    WHERE (c.id = ?::uuid OR c.source = 'SURVEY' AND c.source_key = ?)
                    AND (c.description IS NOT NULL OR t.note IS NOT NULL)""", h.complaint(), h.response());
        }
        return left;
    }
}
