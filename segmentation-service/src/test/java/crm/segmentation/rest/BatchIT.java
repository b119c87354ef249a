package crm.segmentation.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import crm.events.Topics;
import crm.testing.CrmTestResources;
import crm.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Batches: repeated keys within one, concurrent ones over the same keys, bad items beside good ones. */
@QuarkusTest
@WithTestResource(CrmTestResources.class)
class BatchIT {

    @Inject
    AgroalDataSource db;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aKeyTwiceInOneBatchIsRecordedOnceAndTheSecondIsARetryOrAConflictEvenForACustomerNotHeardOfYet() throws Exception {
        UUID customer = Ledger.knownCustomers(db, 1).get(0);
        UUID stranger = UUID.randomUUID();
        String a = Ledger.sale(customer, "2026-10-03T10:00:00Z", "20.00", "5.00", false, "K-" + UUID.randomUUID());
        String b = Ledger.sale(customer, "2026-10-04T10:00:00Z", "30.00", "5.00", false, "K-" + UUID.randomUUID());
        String bChanged = b.replace("30.00", "31.00");
        String unknown = Ledger.sale(stranger, "2026-10-05T10:00:00Z", "9.00", "1.00", false, "K-" + UUID.randomUUID());
        try (TopicReader topic = new TopicReader(bootstrap, Topics.TRANSACTION)) {
            ExtractableResponse<Response> response = batch(List.of(a, b, a, bChanged, unknown, unknown)).then()
                    .statusCode(200)
                    .body("results.status", contains(201, 201, 200, 409, 201, 200))
                    .body("recorded", equalTo(3)).body("repeated", equalTo(2)).body("failed", equalTo(1))
                    .body("results[3].problem.errors.field", hasItem("transactions[3].externalId"))
                    .extract();
            assertEquals(response.<String>path("results[0].transaction.id"), response.path("results[2].transaction.id"));

            List<String> events = topic.awaitValues(customer.toString(), 2);
            assertEquals(2, topic.values(customer.toString()).size());
            assertEquals(Set.of(response.<String>path("results[0].transaction.id"),
                    response.<String>path("results[1].transaction.id")), transactionIds(events));
            // a customer not heard of yet: known, unconfirmed, from the sale
            assertEquals(1, topic.awaitValues(stranger.toString(), 1).size());
        }
        given().get("/api/v1/segments/customers/" + customer).then().statusCode(200)
                .body("metrics.revenue", equalTo(50f)).body("metrics.purchases", equalTo(2));
        assertEquals(List.of("2026-10 50.00 40.00 2"), periods(customer));
    }

    @Test
    void concurrentBatchesOverTheSameKeysRecordEachOnceWithExactTotals() throws Exception {
        List<UUID> customers = Ledger.knownCustomers(db, 10);
        Map<UUID, BigDecimal> revenue = new HashMap<>();
        Map<UUID, Integer> count = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (TopicReader topic = new TopicReader(bootstrap, Topics.TRANSACTION)) {
            for (int round = 0; round < 3; round++) {
                String run = UUID.randomUUID().toString();
                List<String> sales = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    UUID customer = customers.get(i % customers.size());
                    // two months, so two batches may share a customer without sharing a period total
                    String day = (i % 3 == 0 ? "2026-11-" : "2026-10-") + String.format("%02d", 1 + i % 28);
                    BigDecimal price = BigDecimal.valueOf(i + 1).setScale(2);
                    sales.add(Ledger.sale(customer, day + "T10:00:00Z", price.toPlainString(), "1.00", false,
                            run + "-" + i));
                    revenue.merge(customer, price, BigDecimal::add);
                    count.merge(customer, 1, Integer::sum);
                }
                List<String> first = sales.subList(0, 200);
                List<String> second = new ArrayList<>(sales.subList(100, 300));
                Collections.reverse(second);
                CyclicBarrier start = new CyclicBarrier(2);
                Future<ExtractableResponse<Response>> one = pool.submit(() -> {
                    start.await();
                    return batch(first).then().extract();
                });
                Future<ExtractableResponse<Response>> other = pool.submit(() -> {
                    start.await();
                    return batch(second).then().extract();
                });
                ExtractableResponse<Response> r1 = one.get();
                ExtractableResponse<Response> r2 = other.get();
                assertEquals(200, r1.statusCode(), r1.asString());
                assertEquals(200, r2.statusCode(), r2.asString());
                assertEquals(200, r1.<Integer>path("recorded") + r1.<Integer>path("repeated"), r1.asString());
                assertEquals(200, r2.<Integer>path("recorded") + r2.<Integer>path("repeated"), r2.asString());
                assertEquals(300, r1.<Integer>path("recorded") + r2.<Integer>path("recorded"));
                List<String> ids1 = r1.path("results.transaction.id");
                List<String> ids2 = r2.path("results.transaction.id");
                for (int i = 100; i < 200; i++) {
                    assertEquals(ids1.get(i), ids2.get(299 - i), "the same key answers the same transaction");
                }
            }
            for (UUID customer : customers) {
                List<String> events = topic.awaitValues(customer.toString(), count.get(customer));
                assertEquals(count.get(customer), topic.values(customer.toString()).size());
                assertEquals(count.get(customer), transactionIds(events).size());
                given().get("/api/v1/segments/customers/" + customer).then().statusCode(200)
                        .body("metrics.revenue", equalTo(revenue.get(customer).floatValue()))
                        .body("metrics.purchases", equalTo(count.get(customer)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badItemsWriteNothingAndTheGoodOnesAreRecordedWithTheirTotalsAndEvents() throws Exception {
        List<UUID> c = Ledger.knownCustomers(db, 2);
        UUID stranger = UUID.randomUUID();
        String sale1 = Ledger.sale(c.get(0), "2026-10-06T10:00:00Z", "10.00", "3.00", false, "M-" + UUID.randomUUID());
        String refund1 = Ledger.sale(c.get(0), "2026-10-07T10:00:00Z", "4.00", "1.00", true, "M-" + UUID.randomUUID());
        String sale2 = Ledger.sale(c.get(1), "2026-11-08T10:00:00Z", "7.00", "2.00", false, "M-" + UUID.randomUUID());
        List<String> items = List.of(
                sale1,
                Ledger.sale(c.get(0), "2026-10-06T11:00:00Z", "10.001", "3.00", false, "M-" + UUID.randomUUID()),
                Ledger.sale(stranger, "2026-10-06T12:00:00Z", "10.00", "3.00", false, "M-" + UUID.randomUUID()),
                "null",
                refund1,
                Ledger.sale(c.get(1), "2026-11-08T11:00:00Z", "7.00", "2.00", false, "M-" + UUID.randomUUID())
                        .replace("\"source\":\"pos-test\",", ""),
                sale2,
                Ledger.sale(c.get(1), "2026-11-08T12:00:00Z", "7.00", "2.00", false, "M-" + UUID.randomUUID())
                        .replace("\"quantity\":1", "\"quantity\":-1"));
        try (TopicReader topic = new TopicReader(bootstrap, Topics.TRANSACTION)) {
            ExtractableResponse<Response> response = batch(items).then().statusCode(200)
                    .body("results.status", contains(201, 400, 201, 400, 201, 400, 201, 400))
                    .body("results[1].problem.errors.field", hasItem("transactions[1].lines[0].unitPrice"))
                    .body("results[3].problem.errors.field", hasItem("transactions[3]"))
                    .body("results[5].problem.errors.field", hasItem("transactions[5].source"))
                    .body("results[7].problem.errors.field", hasItem("transactions[7].lines[0].quantity"))
                    .extract();
            assertEquals(Set.of(response.<String>path("results[0].transaction.id"),
                            response.<String>path("results[4].transaction.id")),
                    transactionIds(topic.awaitValues(c.get(0).toString(), 2)));
            assertEquals(2, topic.values(c.get(0).toString()).size());
            assertEquals(Set.of(response.<String>path("results[6].transaction.id")),
                    transactionIds(topic.awaitValues(c.get(1).toString(), 1)));
            assertEquals(1, topic.values(c.get(1).toString()).size());
            // a customer not heard of yet: known, unconfirmed, from the sale
            assertEquals(1, topic.awaitValues(stranger.toString(), 1).size());
        }
        assertEquals(List.of("2026-10 6.00 4.00 1"), periods(c.get(0)));
        assertEquals(List.of("2026-11 7.00 5.00 1"), periods(c.get(1)));
        given().queryParam("customerId", c.get(0).toString()).get("/api/v1/transactions").then()
                .body("total", equalTo(2));
        given().queryParam("customerId", c.get(1).toString()).get("/api/v1/transactions").then()
                .body("total", equalTo(1));
        given().get("/api/v1/segments/customers/" + c.get(0)).then()
                .body("firstPurchaseAt", equalTo("2026-10-06T10:00:00Z"))
                .body("lastPurchaseAt", equalTo("2026-10-06T10:00:00Z"));
    }

    private static Response batch(List<String> items) {
        return given().contentType(ContentType.JSON).body("{\"transactions\":[" + String.join(",", items) + "]}")
                .post("/api/v1/transactions/batch");
    }

    private Set<String> transactionIds(List<String> events) throws Exception {
        Set<String> ids = new HashSet<>();
        for (String event : events) {
            ids.add(json.readTree(event).get("data").get("transactionId").asText());
        }
        return ids;
    }

    /** The customer's totals per period: "period revenue margin purchases". */
    private List<String> periods(UUID customer) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = db.getConnection(); PreparedStatement select = connection.prepareStatement("""
                SELECT period, revenue, revenue - cost, purchases FROM customer_period
                WHERE customer_id = ? ORDER BY period""")) {
            select.setObject(1, customer);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1) + " " + r.getBigDecimal(2).setScale(2) + " "
                            + r.getBigDecimal(3).setScale(2) + " " + r.getInt(4));
                }
            }
        }
        return rows;
    }
}
