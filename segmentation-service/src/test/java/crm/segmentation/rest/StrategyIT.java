package crm.segmentation.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import crm.events.Topics;
import crm.testing.CrmTestResources;
import crm.testing.TopicWriter;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class StrategyIT {

    @Inject
    AgroalDataSource db;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** c0 is TOP, c1 BIG (both high value), c50 and c51 SMALL (low value); p never bought. */
    @Test
    void customersFallInTheCellsTheirValueWalletNeedsAndAttitudeGiveThem() {
        List<UUID> c = Ledger.knownCustomers(db, 100);
        UUID p = Ledger.knownCustomers(db, 1).get(0);
        List<String> sales = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            if (i <= 1) {
                String half = String.format("%.2f", (1000 - i) / 2.0);
                sales.add(Ledger.sale(c.get(i), "2006-01-05T10:00:00Z", half));
                sales.add(Ledger.sale(c.get(i), "2006-01-20T10:00:00Z", half));
            } else {
                sales.add(Ledger.sale(c.get(i), "2006-01-05T10:00:00Z", (1000 - i) + ".00"));
            }
        }
        Ledger.record(sales);
        assess(c.get(0), "HIGH", "INDIVIDUAL");
        assess(c.get(1), "LOW", "COMMON");
        assess(c.get(50), "HIGH", "COMMON");
        assess(c.get(51), "LOW", "INDIVIDUAL");
        wallet(c.get(0), "2000.00");
        wallet(c.get(1), "100000.00");
        wallet(p, "100000.00");
        wallet(c.get(51), "1900.00");
        survey(c.get(0), "5", "null", "2006-01-21T10:00:00Z");
        survey(c.get(50), "null", "10", "2006-01-21T10:00:00Z");
        Ledger.close("2006-01");

        member("SELECTION", "FOCUS", c.get(0));
        member("SELECTION", "SELECT_WHEN_ABLE", c.get(1));
        member("SELECTION", "PASSIVE", c.get(50));
        member("SELECTION", "LET_GO", c.get(51));
        member("MARKETING_MODE", "CUSTOMISED", c.get(0));
        member("MARKETING_MODE", "FREQUENCY", c.get(1));
        member("MARKETING_MODE", "MASS", c.get(50));
        member("MARKETING_MODE", "LET_GO", c.get(51));
        member("RAD", "RETAIN", c.get(0));
        member("RAD", "DEVELOP", c.get(1));
        member("RAD", "ACQUIRE", p);
        member("RAD", "MAINTAIN", c.get(51));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> member("LOYALTY", "EMOTIONAL", c.get(0)));
        member("LOYALTY", "TRANSACTIONAL", c.get(1));
        member("LOYALTY", "LATENT", c.get(50));
        member("LOYALTY", "NONE", c.get(51));
        given().queryParam("period", "2006-01").queryParam("grid", "SELECTION").get("/api/v1/segments/strategies")
                .then().statusCode(200).body("cells.NOT_ASSESSED", org.hamcrest.Matchers.greaterThanOrEqualTo(97));
        given().queryParam("period", "2006-01").queryParam("grid", "RAD").get("/api/v1/segments/strategies")
                .then().statusCode(200).body("cells.NO_WALLET", org.hamcrest.Matchers.greaterThanOrEqualTo(97));
    }

    @Test
    void badGridsAre400() {
        given().queryParam("period", "2006-01").queryParam("grid", "BCG").get("/api/v1/segments/strategies").then()
                .statusCode(400).body("errors.field", hasItem("grid"));
        given().queryParam("period", "2006-01").queryParam("grid", "RAD").queryParam("cell", "FOCUS")
                .get("/api/v1/segments/strategies").then().statusCode(400).body("errors.field", hasItem("cell"));
    }

    private static void member(String grid, String cell, UUID customer) {
        given().queryParam("period", "2006-01").queryParam("grid", grid).queryParam("customerId", customer.toString())
                .get("/api/v1/segments/strategies").then().statusCode(200)
                .body("members.total", equalTo(1))
                .body("members.items[0].cell", equalTo(cell));
    }

    private static void assess(UUID customer, String fit, String needs) {
        given().contentType(ContentType.JSON).body("{\"capabilityFit\":\"%s\",\"needs\":\"%s\"}".formatted(fit, needs))
                .put("/api/v1/segments/customers/" + customer + "/assessment").then().statusCode(200);
    }

    private static void wallet(UUID customer, String amount) {
        given().contentType(ContentType.JSON).body("{\"amount\":%s,\"currency\":\"CNY\"}".formatted(amount))
                .put("/api/v1/segments/customers/" + customer + "/wallet").then().statusCode(200)
                .body("walletCurrency", equalTo("CNY"));
    }

    private void survey(UUID customer, String satisfaction, String nps, String at) {
        TopicWriter.send(bootstrap, Topics.EXPERIENCE, customer.toString(), """
            {"specversion":"1.0","id":"%s","source":"/crm/experience-service","type":"crm.SurveyAnswered",
             "subject":"%s","time":"%s","datacontenttype":"application/json",
             "data":{"responseId":"%s","surveyId":"%s","customerId":"%s","satisfaction":%s,"nps":%s,"answeredAt":"%s"}}"""
                .formatted(UUID.randomUUID(), customer, at, UUID.randomUUID(), UUID.randomUUID(), customer, satisfaction,
                        nps, at));
    }
}
