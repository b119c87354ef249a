package crm.segmentation.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class TransactionIT {

    @Inject
    AgroalDataSource db;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aSaleIsRecordedOnceAndPublished() throws Exception {
        UUID customer = Ledger.knownCustomers(db, 1).get(0);
        String key = "R-" + UUID.randomUUID();
        String body = """
            {"source":"pos-cafe","externalId":"%s","customerId":"%s","occurredAt":"2026-10-14T08:12:00Z",
             "store":"cafe-1","channel":"STORE","currency":"CNY","lines":[
               {"sku":"LATTE","description":"Latte","category":"FOOD","quantity":2,"unitPrice":28.00,"unitCost":9.50},
               {"sku":"CAKE","description":"Cheesecake","category":"FOOD","quantity":1,"unitPrice":35.5,"unitCost":12.25}],
             "attributes":{"seat":"window-2","note":"Celebrating her promotion"}}""".formatted(key, customer);
        try (TopicReader topic = new TopicReader(bootstrap, Topics.TRANSACTION)) {
            String id = given().contentType(ContentType.JSON).body(body).post("/api/v1/transactions").then()
                    .statusCode(201)
                    .body("revenue", equalTo(91.5f))
                    .body("cost", equalTo(31.25f))
                    .body("margin", equalTo(60.25f))
                    .extract().path("id");
            given().contentType(ContentType.JSON).body(body).post("/api/v1/transactions").then()
                    .statusCode(200).body("id", equalTo(id));
            given().contentType(ContentType.JSON).body(body.replace("\"quantity\":2", "\"quantity\":3"))
                    .post("/api/v1/transactions").then().statusCode(409).body("errors.field", hasItem("externalId"));

            List<String> events = topic.awaitValues(customer.toString(), 1);
            assertEquals(1, topic.values(customer.toString()).size());
            JsonNode event = new ObjectMapper().readTree(events.get(0));
            assertEquals("crm.TransactionRecorded", event.get("type").asText());
            assertEquals(id, event.get("data").get("transactionId").asText());
            // Free text stays in the ledger: no line description, only the attributes configured (seat).
            assertEquals("{\"seat\":\"window-2\"}", event.get("data").get("attributes").toString());
            assertEquals(List.of("LATTE", "CAKE"), event.get("data").get("lines").findValuesAsText("sku"));
            assertEquals(List.of(), event.get("data").get("lines").findValues("description"));
            assertEquals("60.25", event.get("data").get("margin").decimalValue().stripTrailingZeros().toPlainString());
        }
        given().queryParam("customerId", customer.toString()).get("/api/v1/transactions").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].externalId", equalTo(key));
        given().get("/api/v1/segments/customers/" + customer).then()
                .body("metrics.revenue", equalTo(91.5f)).body("metrics.purchases", equalTo(1))
                .body("firstPurchaseAt", equalTo("2026-10-14T08:12:00Z"))
                .body("lastPurchaseAt", equalTo("2026-10-14T08:12:00Z"));

        // The latest purchase is the latest sale of any month; a later refund is not a purchase.
        Ledger.record(List.of(Ledger.sale(customer, "2026-11-02T09:00:00Z", "10.00"),
                Ledger.sale(customer, "2026-11-20T09:00:00Z", "10.00", "0.00", true, UUID.randomUUID().toString())));
        given().get("/api/v1/segments/customers/" + customer).then()
                .body("metrics.purchases", equalTo(2))
                .body("firstPurchaseAt", equalTo("2026-10-14T08:12:00Z"))
                .body("lastPurchaseAt", equalTo("2026-11-02T09:00:00Z"));
    }

    @Test
    void badTransactionsAre400NamingTheFieldAndWriteNothing() {
        UUID customer = Ledger.knownCustomers(db, 1).get(0);
        String good = Ledger.sale(customer, "2026-10-01T10:00:00Z", "10.00", "4.00", false, "X-" + UUID.randomUUID());
        expect400(good.replace("\"quantity\":1", "\"quantity\":-1"), "lines[0].quantity");
        expect400(good.replace("\"unitPrice\":10.00", "\"unitPrice\":10.005"), "lines[0].unitPrice");
        expect400(good.replace("\"unitCost\":4.00", "\"unitCost\":4.001"), "lines[0].unitCost");
        expect400(good.replace("\"CNY\"", "\"XYZ\""), "currency");
        expect400(good.replaceAll("\"lines\":\\[[^\\]]*\\]", "\"lines\":[]"), "lines");
        expect400(good.replace("\"lines\":[", "\"lines\":[],\"x\":["), "x");
        expect400(good.replace("\"2026-10-01T10:00:00Z\"", "\"yesterday\""), "occurredAt");
        // a number written in a few characters whose digits would fill the memory
        expect400(good.replace("\"quantity\":1", "\"quantity\":1e999999999"), "lines[0].quantity");
        expect400(good.replace("\"unitPrice\":10.00", "\"unitPrice\":1e999999999"), "lines[0].unitPrice");
        // control characters (U+0000, which PostgreSQL cannot store, an escape, DEL) in values and in a key
        expect400(good.replace("\"Item\"", "\"It\\u0000em\""), "lines[0].description");
        expect400(good.replace("\"Item\"", "\"\\u001b[2J\""), "lines[0].description");
        expect400(good.replace("\"s1\"", "\"s\\u007f1\""), "store");
        expect400(good.replace("\"window-2\"", "\"window\\u0007\""), "attributes.seat");
        expect400(good.replace("\"seat\"", "\"se\\u0000at\""), "attributes");
        // a text longer than any field, refused as it is read
        expect400(good.replace("\"Item\"", "\"" + "x".repeat(100_000) + "\""), "lines[0].description");
        // a sale dated beyond a day ahead, or before the earliest date (crm.dates)
        expect400(good.replace("2026-10-01T10:00:00Z", Instant.now().plus(Duration.ofDays(1)).plusSeconds(60).toString()),
                "occurredAt");
        expect400(good.replace("2026-10-01T10:00:00Z", "2031-12-01T10:00:00Z"), "occurredAt");
        expect400(good.replace("2026-10-01T10:00:00Z", "1999-12-31T23:59:59Z"), "occurredAt");
        given().queryParam("customerId", customer.toString()).get("/api/v1/transactions").then().body("total", equalTo(0));
        given().queryParam("customerId", customer.toString()).queryParam("from", "2026-11-01T00:00:00Z")
                .queryParam("to", "2026-10-01T00:00:00Z").get("/api/v1/transactions").then().statusCode(400)
                .body("errors.field", hasItem("from"));
        given().queryParam("customerId", customer.toString()).queryParam("from", "last week")
                .get("/api/v1/transactions").then().statusCode(400).body("errors.field", hasItem("from"));
    }

    @Test
    void aBatchRecordsTheGoodItemsAndReportsTheBadOnes() {
        UUID customer = Ledger.knownCustomers(db, 1).get(0);
        String repeated = Ledger.sale(customer, "2026-10-02T10:00:00Z", "20.00", "5.00", false, "B-" + UUID.randomUUID());
        given().contentType(ContentType.JSON).body(repeated).post("/api/v1/transactions").then().statusCode(201);
        String bad = Ledger.sale(customer, "2026-10-02T11:00:00Z", "20.001", "5.00", false, "B-" + UUID.randomUUID());
        String good = Ledger.sale(customer, "2026-10-02T12:00:00Z", "30.00", "5.00", false, "B-" + UUID.randomUUID());
        String future = Ledger.sale(customer, "2031-12-01T10:00:00Z", "30.00", "5.00", false, "B-" + UUID.randomUUID());
        given().contentType(ContentType.JSON).body("{\"transactions\":[" + repeated + "," + bad + "," + good + "," + future + "]}")
                .post("/api/v1/transactions/batch").then().statusCode(200)
                .body("recorded", equalTo(1)).body("repeated", equalTo(1)).body("failed", equalTo(2))
                .body("results.status", contains(200, 400, 201, 400))
                .body("results[1].problem.errors.field", hasItem("transactions[1].lines[0].unitPrice"))
                .body("results[3].problem.errors.field", contains("transactions[3].occurredAt"))
                .body("results[3].problem.errors.message", contains("must not be more than PT24H ahead of now"));
        given().queryParam("customerId", customer.toString()).get("/api/v1/transactions").then().body("total", equalTo(2));

        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(good);
        }
        given().contentType(ContentType.JSON).body("{\"transactions\":[" + String.join(",", tooMany) + "]}")
                .post("/api/v1/transactions/batch").then().statusCode(400).body("errors.field", hasItem("transactions"));
    }

    @Test
    void aDateInFromOrToIsTheStartOfThatDayInTheBusinesssZone() {
        UUID customer = Ledger.knownCustomers(db, 1).get(0);
        // Shanghai time: the first sale is on 31 October, the second on 1 November.
        Ledger.record(List.of(Ledger.sale(customer, "2026-10-31T15:59:59Z", "10.00"),
                Ledger.sale(customer, "2026-10-31T16:00:00Z", "20.00")));
        given().get("/api/v1/transactions?customerId=" + customer + "&from=2026-10-01&to=2026-11-01")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].occurredAt", equalTo("2026-10-31T15:59:59Z"));
        given().get("/api/v1/transactions?customerId=" + customer + "&from=2026-11-01&to=2026-10-31T16:00:01Z")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].occurredAt", equalTo("2026-10-31T16:00:00Z"));
        given().get("/api/v1/transactions?customerId=" + customer + "&from=2026-11-31")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("from"));
    }

    private static void expect400(String body, String field) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/transactions").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }
}
