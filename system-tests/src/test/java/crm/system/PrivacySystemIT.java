package crm.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import crm.events.Topics;
import crm.testing.KafkaBroker;
import crm.testing.TestDatabase;
import crm.testing.TopicWriter;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A customer's rights across every service: one export of everything, one erasure that reaches everything and stays done. */
class PrivacySystemIT {
    private static RunningSystem system;
    private static String desk;
    private static String till;
    private static String officer;
    private static String admin;
    private static String journey;
    private static String survey;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.shared();
        RestAssured.port = system.gatewayPort;
        desk = Keys.of(system, "front-desk");
        till = Keys.of(system, "pos");
        officer = Keys.of(system, "privacy-officer");
        admin = Keys.admin(system);
        journey = "privacy-visit-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"code":"%s","name":"Café visit","touchPoints":[
                  {"code":"welcome","name":"Welcome","channel":"STORE","need":"RELATIONSHIP","brandType":"BRANDED"},
                  {"code":"taste","name":"Taste","channel":"STORE","need":"PRODUCT","brandType":"BRANDED"}]}"""
                .formatted(journey)).post("/api/v1/experience/journeys").then().statusCode(201);
        survey = given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"name":"Exit survey","questions":[
                  {"code":"q1","text":"How satisfied are you?","type":"SCALE_1_5","required":true,"role":"SATISFACTION"}]}""")
                .post("/api/v1/experience/surveys").then().statusCode(201).extract().path("id");
    }

    @Test
    void herExportHoldsEveryServicesPartAndHerErasureReachesEveryServiceAndStaysDone() throws Exception {
        String her = register("Lin Mei", "Allergic to nuts");
        sale(her, "Birthday cake for mum").then().statusCode(201);
        visit(her, "Asked for the manager").then().statusCode(201);
        answer(her, "Lovely staff").then().statusCode(201);
        complaint(her, "The latte was cold").then().statusCode(201);

        given().auth().oauth2(officer).get("/api/v1/customers/" + her + "/export").then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("customerId", equalTo(her))
                .body("customer.customer.notes", equalTo("Allergic to nuts"))
                .body("value.transactions[0].lines[0].description", equalTo("Birthday cake for mum"))
                .body("value.transactions[0].attributes.note", equalTo("Birthday cake for mum"))
                .body("experience.visits[0].entries.note", hasItem("Asked for the manager"))
                .body("experience.surveyResponses[0].comment", equalTo("Lovely staff"))
                .body("experience.complaints[0].description", equalTo("The latte was cold"));
        given().auth().oauth2(Keys.of(system, "analyst")).get("/api/v1/customers/" + her + "/export").then()
                .statusCode(403);

        given().auth().oauth2(officer).post("/api/v1/customers/" + her + "/erasure").then().statusCode(202)
                .header("Location", endsWith("/api/v1/erasures/" + her));
        awaitErased(her);

        // Nothing personal comes back: a sale and a complaint are refused, a visit and an answer are kept unlinked.
        sale(her, "Another cake").then().statusCode(410).body("errors.field", hasItem("customerId"));
        complaint(her, "Still cold").then().statusCode(410).body("errors.field", hasItem("customerId"));
        visit(her, "Came back").then().statusCode(201).body("customerId", nullValue())
                .body("entries.note", everyItem(nullValue()));
        answer(her, "Nice again").then().statusCode(201).body("customerId", nullValue()).body("comment", nullValue());
        // A sale event for her that arrives late (another till's, replayed) teaches customer-service nothing.
        String late = UUID.randomUUID().toString();
        TopicWriter.send(KafkaBroker.shared().bootstrapServers(), Topics.TRANSACTION, her, TopicWriter.event(late,
                "/crm/segmentation-service", "TransactionRecorded", her, """
                {"transactionId":"%s","customerId":"%s","source":"till-9","externalId":"late-1","occurredAt":"2026-11-20T10:00:00Z",
                 "store":"s1","channel":"STORE","currency":"CNY","attributes":{"seat":"window-9"},
                 "lines":[{"sku":"CAKE","category":"FOOD","quantity":1,"unitPrice":10.00,"unitCost":1.00}],
                 "revenue":10.00,"margin":9.00}""".formatted(late, her)));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "SELECT count(*) FROM customer.processed_event WHERE event_id = ?", late) == 1);
        assertEquals(0, count("SELECT count(*) FROM customer.customer_visit WHERE customer_id = ?::uuid", her));
        assertNothingPersonalLeft(her, "Birthday cake for mum", "Asked for the manager", "Lovely staff",
                "The latte was cold", "Allergic to nuts", "Came back", "Nice again");
        given().auth().oauth2(officer).get("/api/v1/customers/" + her + "/export").then().statusCode(410);
    }

    @Test
    void afterAMergeASaleAVisitAndAComplaintSentWithTheOldCardsIdLandOnTheSurvivor() {
        String survivor = register("Zhao Lei", "Window seat");
        String duplicate = register("Zhao L.", "Old card");
        visit(duplicate, "Before the merge").then().statusCode(201);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"duplicateId\":\"" + duplicate + "\"}")
                .post("/api/v1/customers/" + survivor + "/merge").then().statusCode(200);
        // the merge reaches segmentation-service and experience-service through Kafka
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(desk)
                .get("/api/v1/segments/customers/" + duplicate).then().statusCode(404));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(officer)
                .get("/api/v1/customers/" + survivor + "/export").then().statusCode(200)
                .body("experience.visits.size()", equalTo(1)));

        // a till and a desk that still hold the old card; sold in a month no other test closes
        given().auth().oauth2(till).contentType(ContentType.JSON).body("""
                {"source":"till-1","externalId":"old-card-%s","customerId":"%s","occurredAt":"2024-06-12T02:00:00Z",
                 "store":"s1","channel":"STORE","currency":"CNY",
                 "lines":[{"sku":"TEA","category":"FOOD","quantity":2,"unitPrice":15.00,"unitCost":4.00}]}"""
                        .formatted(UUID.randomUUID(), duplicate))
                .post("/api/v1/transactions").then().statusCode(201).body("customerId", equalTo(survivor));
        visit(duplicate, "After the merge").then().statusCode(201).body("customerId", equalTo(survivor));
        complaint(duplicate, "The tea was cold").then().statusCode(201).body("customerId", equalTo(survivor));

        given().auth().oauth2(officer).get("/api/v1/customers/" + survivor + "/export").then().statusCode(200)
                .body("value.transactions.size()", equalTo(1))
                .body("value.transactions[0].revenue", equalTo(30f))
                .body("experience.visits.size()", equalTo(2))
                .body("experience.complaints.size()", equalTo(1));
    }

    @Test
    void aDuplicateMergedBeforeTheErasureIsErasedWithItsSurvivor() throws Exception {
        String survivor = register("Wang Fang", "Prefers the corner table");
        String duplicate = register("Wang F.", "Old card, lost");
        sale(duplicate, "Gift box for the duplicate").then().statusCode(201);
        visit(duplicate, "Told us about the old card").then().statusCode(201);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"duplicateId\":\"" + duplicate + "\"}")
                .post("/api/v1/customers/" + survivor + "/merge").then().statusCode(200);
        given().auth().oauth2(officer).post("/api/v1/customers/" + survivor + "/erasure").then().statusCode(202);
        awaitErased(survivor);
        assertNothingPersonalLeft(duplicate, "Gift box for the duplicate", "Told us about the old card", "Old card, lost");
        assertNothingPersonalLeft(survivor, "Prefers the corner table");
    }

    @Test
    void anErasedRecordIsNeverMergedBackIntoAnother() throws Exception {
        String survivor = register("Zhao Lei", null);
        String erased = register("Zhao L.", "Asked to be forgotten");
        sale(erased, "Flowers for the erased").then().statusCode(201);
        given().auth().oauth2(officer).post("/api/v1/customers/" + erased + "/erasure").then().statusCode(202);
        awaitErased(erased);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"duplicateId\":\"" + erased + "\"}")
                .post("/api/v1/customers/" + survivor + "/merge").then().statusCode(410);
        given().auth().oauth2(officer).get("/api/v1/customers/" + survivor + "/export").then().statusCode(200)
                .body("value.transactions.size()", equalTo(0));
        assertNothingPersonalLeft(erased, "Flowers for the erased", "Asked to be forgotten");
    }

    private static void awaitErased(String customer) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(officer)
                .get("/api/v1/erasures/" + customer).then().statusCode(200)
                .body("status", equalTo("DONE"))
                .body("services.service", contains("customer-service", "segmentation-service", "experience-service"))
                .body("services.state", everyItem(equalTo("APPLIED")))
                .body("services.erasedAt", everyItem(notNullValue())));
    }

    /** No table of any service holds these texts, and none links them to the customer. */
    private static void assertNothingPersonalLeft(String customer, String... texts) throws SQLException {
        for (String text : texts) {
            String like = "%" + text + "%";
            assertEquals(0, count("SELECT count(*) FROM customer.customer WHERE notes LIKE ? OR display_name LIKE ?",
                    like, like), text);
            assertEquals(0, count("SELECT count(*) FROM segmentation.ledger_transaction WHERE lines::text LIKE ?"
                    + " OR attributes::text LIKE ?", like, like), text);
            assertEquals(0, count("SELECT count(*) FROM experience.log_entry WHERE note LIKE ?", like), text);
            assertEquals(0, count("SELECT count(*) FROM experience.survey_response WHERE comment LIKE ?", like), text);
            assertEquals(0, count("SELECT count(*) FROM experience.complaint WHERE description LIKE ?", like), text);
        }
        assertEquals(0, count("SELECT count(*) FROM customer.customer_identifier WHERE customer_id = ?::uuid", customer));
        assertEquals(0, count("SELECT count(*) FROM experience.visit WHERE customer_id = ?::uuid", customer));
        assertEquals(0, count("SELECT count(*) FROM experience.survey_response WHERE customer_id = ?::uuid", customer));
    }

    private static long count(String sql, Object... parameters) throws SQLException {
        TestDatabase db = TestDatabase.shared();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String register(String name, String notes) {
        String mobile = "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String id = given().auth().oauth2(desk).contentType(ContentType.JSON)
                .body(notes == null ? "{\"displayName\":\"%s\",\"phone\":\"%s\"}".formatted(name, mobile)
                        : "{\"displayName\":\"%s\",\"phone\":\"%s\",\"notes\":\"%s\"}".formatted(name, mobile, notes))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(desk)
                .get("/api/v1/segments/customers/" + id).then().statusCode(200));
        return id;
    }

    private static io.restassured.response.Response sale(String customer, String what) {
        return given().auth().oauth2(till).contentType(ContentType.JSON).body("""
                {"source":"till-1","externalId":"privacy-%s","customerId":"%s","occurredAt":"2026-11-12T02:00:00Z",
                 "store":"s1","channel":"STORE","currency":"CNY","attributes":{"seat":"window-2","note":"%s"},
                 "lines":[{"sku":"CAKE","description":"%s","category":"FOOD","quantity":1,"unitPrice":88.00,"unitCost":30.00}]}"""
                .formatted(UUID.randomUUID(), customer, what, what))
                .post("/api/v1/transactions");
    }

    private static io.restassured.response.Response visit(String customer, String note) {
        return given().auth().oauth2(desk).contentType(ContentType.JSON).body("""
                {"visitId":"P-%s","journeyCode":"%s","customerId":"%s","recordedBy":"STAFF","entries":[
                 {"touchPointCode":"welcome","score":1,"occurredAt":"2026-11-12T02:00:00Z","note":"%s"},
                 {"touchPointCode":"taste","score":2,"occurredAt":"2026-11-12T02:10:00Z"}]}"""
                .formatted(UUID.randomUUID(), journey, customer, note))
                .post("/api/v1/experience/logs");
    }

    private static io.restassured.response.Response answer(String customer, String comment) {
        return given().auth().oauth2(desk).contentType(ContentType.JSON)
                .body("{\"customerId\":\"%s\",\"answers\":{\"q1\":4},\"comment\":\"%s\"}".formatted(customer, comment))
                .post("/api/v1/experience/surveys/" + survey + "/responses");
    }

    private static io.restassured.response.Response complaint(String customer, String description) {
        return given().auth().oauth2(desk).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"customerId\":\"%s\",\"severity\":\"MEDIUM\",\"channel\":\"STORE\",\"description\":\"%s\"}"
                        .formatted(customer, description))
                .post("/api/v1/experience/complaints");
    }
}
