package crm.segmentation.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import crm.testing.CrmTestResources;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class AnErasedCustomerKeepsTheFiguresButNoFreeTextAndBuysNothingMoreIT {

    @Inject
    AgroalDataSource db;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void erasureRemovesDescriptionsAttributesAndEventsWhileRevenueMarginAndLevelsStay() {
        List<UUID> customers = Ledger.knownCustomers(db, 2);
        UUID erased = customers.get(0);
        Ledger.record(List.of(Ledger.sale(erased, "2012-08-03T08:00:00Z", "50.00", "20.00", false, "E-" + UUID.randomUUID()),
                Ledger.sale(customers.get(1), "2012-08-04T08:00:00Z", "70.00", "30.00", false, "E-" + UUID.randomUUID())));
        Ledger.close("2012-08");
        String pyramid = pyramid("2012-08");
        // The sale's TransactionRecorded is sent before the erasure, so the erasure finds it sent.
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT count(*) FROM outbox_event WHERE event_key = ? AND sent_at IS NULL",
                erased.toString()) == 0);
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE event_key = ?", erased.toString()));
        Wire.execute(db, """
                INSERT INTO failed_event (consumer, topic, partition_no, record_offset, record_key, payload, error, failed_at)
                VALUES ('test', 'test', 0, 0, ?, '{"note":"personal"}', 'test', now())""", erased.toString());
        given().get("/api/v1/segments/customers/" + erased + "/erasure").then().statusCode(404)
                .contentType("application/problem+json");

        Instant before = Instant.now();
        Wire.erased(bootstrap, erased);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().get("/api/v1/segments/customers/" + erased + "/erasure").then().statusCode(200));
        String erasedAt = given().get("/api/v1/segments/customers/" + erased + "/erasure").then()
                .body("customerId", equalTo(erased.toString())).extract().path("erasedAt");
        assertTrue(!Instant.parse(erasedAt).isBefore(before.minusSeconds(1)) && !Instant.parse(erasedAt).isAfter(Instant.now()),
                erasedAt + " is when the erasure was applied here");

        assertEquals(List.of("[{\"sku\": \"SKU-1\", \"category\": \"FOOD\", \"quantity\": 1, \"unitCost\": 20.00, \"unitPrice\": 50.00}] {}"),
                Wire.column(db, "SELECT lines::text || ' ' || attributes::text FROM ledger_transaction WHERE customer_id = ?", erased));
        assertEquals(List.of("50.00 30.00"),
                Wire.column(db, "SELECT revenue || ' ' || (revenue - cost) FROM ledger_transaction WHERE customer_id = ?", erased));
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE event_key = ?", erased.toString()));
        assertEquals(List.of("null"), Wire.column(db, "SELECT coalesce(payload, 'null') FROM failed_event WHERE record_key = ?",
                erased.toString()));
        assertEquals(pyramid, pyramid("2012-08"), "the pyramid counts and sums are those of before");
        assertEquals("SMALL", Ledger.level(erased, "2012-08"));
        given().get("/api/v1/segments/customers/" + erased + "/export").then().statusCode(200)
                .body("erasedAt", equalTo(erasedAt)).body("transactions[0].lines[0].description", equalTo(null))
                .body("transactions[0].revenue", equalTo(50.00f)).body("levels[0].level", equalTo("SMALL"));
        // The other customer keeps their free text.
        assertEquals(List.of("Item"), Wire.column(db,
                "SELECT lines -> 0 ->> 'description' FROM ledger_transaction WHERE customer_id = ?", customers.get(1)));
    }

    @Test
    void aNewSaleForAnErasedCustomerIs410NamingCustomerIdAloneAndInABatch() {
        List<UUID> customers = Ledger.knownCustomers(db, 2);
        UUID erased = customers.get(0);
        erase(erased);

        given().contentType(ContentType.JSON).body(Ledger.sale(erased, "2012-09-01T08:00:00Z", "10.00"))
                .post("/api/v1/transactions").then().statusCode(410).contentType("application/problem+json")
                .body("detail", equalTo("Customer " + erased + " was erased"))
                .body("errors.field", contains("customerId"));
        given().contentType(ContentType.JSON).body("{\"transactions\":[" + Ledger.sale(customers.get(1), "2012-09-01T08:00:00Z", "10.00")
                        + "," + Ledger.sale(erased, "2012-09-01T08:00:00Z", "10.00") + "]}")
                .post("/api/v1/transactions/batch").then().statusCode(200)
                .body("recorded", equalTo(1)).body("failed", equalTo(1))
                .body("results[0].status", equalTo(201))
                .body("results[1].status", equalTo(410))
                .body("results[1].problem.errors.field", contains("transactions[1].customerId"));
        assertEquals(0, count("SELECT count(*) FROM ledger_transaction WHERE customer_id = ?", erased));
        given().contentType(ContentType.JSON).body("{\"amount\":1000.00,\"currency\":\"CNY\"}")
                .put("/api/v1/segments/customers/" + erased + "/wallet").then().statusCode(410)
                .body("errors.field", contains("customerId"));
    }

    @Test
    void aSurveyAnswerArrivingAfterTheErasureStoresNothing() {
        List<UUID> customers = Ledger.knownCustomers(db, 2);
        UUID erased = customers.get(0);
        UUID marker = customers.get(1);
        erase(erased);

        // Both on the erased customer's partition: once the marker's answer is applied, the late one was too.
        Wire.surveyed(bootstrap, erased.toString(), erased, 2, 3, "2012-09-02T10:00:00Z");
        Wire.surveyed(bootstrap, erased.toString(), marker, 4, 8, "2012-09-02T10:01:00Z");
        await().atMost(Duration.ofSeconds(15)).until(() ->
                count("SELECT count(*) FROM customer_segment WHERE customer_id = ? AND nps = 8", marker) == 1);
        assertEquals(List.of("- - -"), Wire.column(db, """
                SELECT coalesce(satisfaction::text, '-') || ' ' || coalesce(nps::text, '-') || ' ' || coalesce(surveyed_at::text, '-')
                FROM customer_segment WHERE customer_id = ?""", erased));
    }

    private void erase(UUID customer) {
        Wire.erased(bootstrap, customer);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().get("/api/v1/segments/customers/" + customer + "/erasure").then().statusCode(200));
    }

    private static String pyramid(String period) {
        return given().queryParam("period", period).get("/api/v1/segments/pyramid").then().statusCode(200)
                .extract().asString();
    }

    private long count(String sql, Object parameter) {
        return Long.parseLong(Wire.column(db, sql, parameter).get(0));
    }
}
