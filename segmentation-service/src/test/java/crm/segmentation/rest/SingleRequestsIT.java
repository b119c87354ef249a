package crm.segmentation.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import crm.events.Topics;
import crm.testing.CrmTestResources;
import crm.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Single requests sent together are written together (group commit); each is answered as if it came alone. */
@QuarkusTest
@WithTestResource(CrmTestResources.class)
class SingleRequestsIT {

    @Inject
    AgroalDataSource db;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    MeterRegistry meters;

    @Test
    void requestsSentTogetherAreEachAnsweredAsIfAloneAndCountOnce() throws Exception {
        List<UUID> customers = Ledger.knownCustomers(db, 8);
        UUID stranger = UUID.randomUUID();
        String run = "G-" + UUID.randomUUID();
        List<String> sales = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        Map<UUID, BigDecimal> revenue = new HashMap<>();
        Map<UUID, Integer> count = new HashMap<>();
        for (int i = 0; i < 160; i++) {
            UUID customer = customers.get(i % customers.size());
            String at = "2026-10-%02dT10:00:00Z".formatted(1 + i % 28);
            BigDecimal price = BigDecimal.valueOf(i + 1).setScale(2);
            sales.add(Ledger.sale(customer, at, price.toPlainString(), "1.00", false, run + "-" + i));
            changed.add(Ledger.sale(customer, at, price.add(BigDecimal.ONE).toPlainString(), "1.00", false, run + "-" + i));
            revenue.merge(customer, price, BigDecimal::add);
            count.merge(customer, 1, Integer::sum);
        }
        // registered with the group commit, on the first sale this service takes
        DistributionSummary setsBefore = meters.find("crm.ledger.set.size").summary();
        long statementsBefore = setsBefore == null ? 0 : setsBefore.count();
        double requestsBefore = setsBefore == null ? 0 : setsBefore.totalAmount();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (TopicReader topic = new TopicReader(bootstrap, Topics.TRANSACTION)) {
            // All at once: every sale, every tenth twice over, and sales of a customer not heard of yet.
            List<String> first = new ArrayList<>(sales);
            for (int i = 0; i < 160; i += 10) {
                first.add(sales.get(i));
            }
            for (int i = 0; i < 10; i++) {
                first.add(Ledger.sale(stranger, "2026-10-%02dT10:00:00Z".formatted(10 + i), "5.00", "1.00", false, run + "-x" + i));
            }
            List<ExtractableResponse<Response>> answers = sendTogether(pool, first);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 160; i++) {
                ExtractableResponse<Response> answer = answers.get(i);
                ids.add(answer.path("id"));
                if (i % 10 == 0) {
                    ExtractableResponse<Response> twin = answers.get(160 + i / 10);
                    assertEquals(Set.of(201, 200), Set.of(answer.statusCode(), twin.statusCode()), answer.asString());
                    assertEquals(ids.get(i), twin.path("id"), "both answer the one transaction");
                } else {
                    assertEquals(201, answer.statusCode(), answer.asString());
                }
            }
            for (ExtractableResponse<Response> answer : answers.subList(176, 186)) {
                assertEquals(201, answer.statusCode(), answer.asString());
            }

            // All at once again: each sale retried, and a changed copy of every fourth.
            List<String> second = new ArrayList<>(sales);
            for (int i = 0; i < 160; i += 4) {
                second.add(changed.get(i));
            }
            answers = sendTogether(pool, second);
            for (int i = 0; i < 160; i++) {
                assertEquals(200, answers.get(i).statusCode(), answers.get(i).asString());
                assertEquals(ids.get(i), answers.get(i).path("id"));
            }
            for (ExtractableResponse<Response> answer : answers.subList(160, 200)) {
                assertEquals(409, answer.statusCode(), answer.asString());
                assertEquals(List.of("externalId"), answer.path("errors.field"));
            }

            for (UUID customer : customers) {
                topic.awaitValues(customer.toString(), count.get(customer));
                assertEquals(count.get(customer), topic.values(customer.toString()).size(), "one event per sale");
                given().get("/api/v1/segments/customers/" + customer).then().statusCode(200)
                        .body("metrics.revenue", equalTo(revenue.get(customer).floatValue()))
                        .body("metrics.purchases", equalTo(count.get(customer)));
            }
            // known, unconfirmed, from the first of her sales, whichever set it came in
            topic.awaitValues(stranger.toString(), 10);
            assertEquals(10, topic.values(stranger.toString()).size());
            given().get("/api/v1/segments/customers/" + stranger).then().statusCode(200)
                    .body("confirmed", equalTo(false)).body("firstPurchaseAt", equalTo("2026-10-10T10:00:00Z"))
                    .body("metrics.revenue", equalTo(50f)).body("metrics.purchases", equalTo(10));
            DistributionSummary sets = meters.get("crm.ledger.set.size").summary();
            assertTrue(sets.count() - statementsBefore < sets.totalAmount() - requestsBefore,
                    "requests sent together share statements");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends every body at once from the pool's threads; the answers in the order of the bodies. */
    private static List<ExtractableResponse<Response>> sendTogether(ExecutorService pool, List<String> bodies)
            throws Exception {
        List<Future<ExtractableResponse<Response>>> pending = new ArrayList<>();
        for (String body : bodies) {
            pending.add(pool.submit(() -> given().contentType(ContentType.JSON).body(body)
                    .post("/api/v1/transactions").then().extract()));
        }
        List<ExtractableResponse<Response>> answers = new ArrayList<>();
        for (Future<ExtractableResponse<Response>> answer : pending) {
            answers.add(answer.get());
        }
        return answers;
    }
}
