package crm.segmentation.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import crm.rest.Roles;
import crm.testing.Callers;
import crm.testing.CrmTestResources;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * RFM, share of wallet and lifetime value on a data set of its own, in 2016: the latest period any test
 * here closes (values are as of the latest close), with no other test's sales in its 24-month window.
 */
@QuarkusTest
@WithTestResource(CrmTestResources.class)
class ValueIT {

    @Inject
    AgroalDataSource db;

    @Test
    void rfmQuintilesShareOfWalletAndLifetimeValue() throws Exception {
        List<UUID> c = Ledger.knownCustomers(db, 5);
        // customer k bought (5 − k) times, last about (k + 1) × 10 days before July; M of the first and last swapped
        String[] lastDays = {"2016-06-21", "2016-06-11", "2016-06-01", "2016-05-22", "2016-05-12"};
        int[] monetary = {1000, 4000, 3000, 2000, 5000};
        List<String> sales = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            int purchases = 5 - k;
            for (int p = 0; p < purchases; p++) {
                String day = p == 0 ? lastDays[k] : "2016-01-0" + (p + 1);
                sales.add(Ledger.sale(c.get(k), day + "T10:00:00Z", String.format("%d.00", monetary[k] / purchases)));
            }
        }
        Ledger.record(sales);
        Ledger.close("2016-06");
        // The quintiles are computed after the close has answered, before anyone looks a customer up.
        await().atMost(Duration.ofSeconds(30)).until(() -> "1000".equals(lowestMonetaryCut()));
        given().contentType(ContentType.JSON).body("{\"amount\":4000.00,\"currency\":\"CNY\"}")
                .put("/api/v1/segments/customers/" + c.get(0) + "/wallet").then().statusCode(200)
                .body("wallet", equalTo(4000f));

        // as of 1 July 2016 00:00 Shanghai: R 9, 19, 29, 39, 49 days; F 5..1; M 1000, 4000, 3000, 2000, 5000
        given().get("/api/v1/segments/customers/" + c.get(0)).then().statusCode(200)
                .body("value.rfm.code", equalTo("551"))
                .body("value.rfm.recencyDays", equalTo(9))
                .body("value.rfm.frequency", equalTo(5))
                .body("value.asOf", equalTo("2016-06-30T16:00:00Z"))
                .body("value.shareOfWallet", equalTo(0.25f))
                // CLV = m·r/(1+i−r) = 1000 × 0.8 / (1.1 − 0.8) = 2666.67
                .body("value.lifetimeValue", equalTo(2666.67f));
        given().get("/api/v1/segments/customers/" + c.get(1)).then().body("value.rfm.code", equalTo("444"));
        given().get("/api/v1/segments/customers/" + c.get(2)).then().body("value.rfm.code", equalTo("333"));
        given().get("/api/v1/segments/customers/" + c.get(3)).then().body("value.rfm.code", equalTo("222"));
        given().get("/api/v1/segments/customers/" + c.get(4)).then().body("value.rfm.code", equalTo("115"))
                .body("value.shareOfWallet", equalTo(null));

        // A late sale makes the first customer the biggest spender; the quintiles move with a recompute.
        Ledger.record(List.of(Ledger.sale(c.get(0), "2016-06-25T10:00:00Z", "10000.00")));
        given().contentType(ContentType.JSON).body("{\"period\":\"2016-06\"}").queryParam("recompute", true)
                .post("/api/v1/segments/periods").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "2000".equals(lowestMonetaryCut()));
        given().get("/api/v1/segments/customers/" + c.get(0)).then().body("value.rfm.code", equalTo("555"));
        given().get("/api/v1/segments/customers/" + c.get(4)).then().body("value.rfm.code", equalTo("114"));
    }

    /** The 20th percentile of M kept for 2016-06, if any. */
    private String lowestMonetaryCut() throws Exception {
        try (Connection connection = db.getConnection(); Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT monetary[1]::int FROM rfm_cut WHERE period = '2016-06'")) {
            return r.next() ? r.getString(1) : null;
        }
    }

    @Test
    void assessmentsAreKeptAndBadOnesRefused() {
        UUID customer = Ledger.knownCustomers(db, 1).get(0);
        // who assessed comes from the caller's token: a body naming someone else is refused
        Callers.as("manager-7", Roles.ACCOUNT_MANAGER).contentType(ContentType.JSON)
                .body("{\"capabilityFit\":\"HIGH\",\"needs\":\"INDIVIDUAL\",\"assessedBy\":\"someone else\"}")
                .put("/api/v1/segments/customers/" + customer + "/assessment").then().statusCode(400)
                .body("errors.field", hasItem("assessedBy"));
        Callers.as("manager-7", Roles.ACCOUNT_MANAGER).contentType(ContentType.JSON)
                .body("{\"capabilityFit\":\"HIGH\",\"needs\":\"INDIVIDUAL\"}")
                .put("/api/v1/segments/customers/" + customer + "/assessment").then().statusCode(200)
                .body("capabilityFit", equalTo("HIGH")).body("needs", equalTo("INDIVIDUAL"))
                .body("assessedBy", equalTo("manager-7"));
        Callers.as("manager-8", Roles.ACCOUNT_MANAGER).contentType(ContentType.JSON)
                .body("{\"amount\":120000.00,\"currency\":\"CNY\"}")
                .put("/api/v1/segments/customers/" + customer + "/wallet").then().statusCode(200)
                .body("walletUpdatedBy", equalTo("manager-8"));
        given().get("/api/v1/segments/customers/" + customer).then()
                .body("assessment.assessedBy", equalTo("manager-7"))
                .body("assessment.walletUpdatedBy", equalTo("manager-8"));
        given().contentType(ContentType.JSON).body("{\"capabilityFit\":\"SUPERB\",\"needs\":\"COMMON\"}")
                .put("/api/v1/segments/customers/" + customer + "/assessment").then().statusCode(400)
                .body("errors.field", hasItem("capabilityFit"));
        given().contentType(ContentType.JSON).body("{\"amount\":100.001,\"currency\":\"CNY\"}")
                .put("/api/v1/segments/customers/" + customer + "/wallet").then().statusCode(400)
                .body("errors.field", hasItem("amount"));
        given().contentType(ContentType.JSON).body("{\"amount\":-1,\"currency\":\"CNY\"}")
                .put("/api/v1/segments/customers/" + customer + "/wallet").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"amount\":100,\"currency\":\"ABC\"}")
                .put("/api/v1/segments/customers/" + customer + "/wallet").then().statusCode(400)
                .body("errors.field", hasItem("currency"));
        UUID notHeardOf = UUID.randomUUID();
        given().contentType(ContentType.JSON).body("{\"amount\":100,\"currency\":\"CNY\"}")
                .put("/api/v1/segments/customers/" + notHeardOf + "/wallet").then().statusCode(200)
                .body("customerId", equalTo(notHeardOf.toString())).body("wallet", equalTo(100));
        given().get("/api/v1/segments/customers/" + notHeardOf).then().statusCode(200)
                .body("confirmed", equalTo(false)).body("assessment.wallet", equalTo(100));
    }
}
