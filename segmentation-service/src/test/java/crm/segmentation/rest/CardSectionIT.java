package crm.segmentation.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import crm.rest.Roles;
import crm.testing.Callers;
import crm.testing.CrmTestResources;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Segmentation's section of the front-desk card, on sales of its own in 2011 (no other test sells in 2009-2011). */
@QuarkusTest
@WithTestResource(CrmTestResources.class)
class CardSectionIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource db;

    /**
     * 20 buyers: a is BIG in January (rank 1 of 20: TOP takes round(0.2) = 0, BIG 1, MEDIUM 3) and MEDIUM in
     * February when b outspends it; everyone else buys 102..119 each month.
     */
    @Test
    void aCustomerWhoWasBigAndIsNowMediumIsToBeWonBackFirst() throws Exception {
        List<UUID> c = Ledger.knownCustomers(db, 20);
        UUID a = c.get(0);
        UUID b = c.get(1);
        List<String> sales = new ArrayList<>();
        for (String month : List.of("2011-01", "2011-02")) {
            String at = month + "-10T02:00:00Z";
            sales.add(Ledger.sale(a, at, month.equals("2011-01") ? "1000.00" : "900.00"));
            sales.add(Ledger.sale(b, at, month.equals("2011-01") ? "50.00" : "2000.00"));
            for (int i = 2; i < 20; i++) {
                sales.add(Ledger.sale(c.get(i), at, (100 + i) + ".00"));
            }
        }
        Ledger.record(sales);
        Ledger.close("2011-01");
        Ledger.close("2011-02");

        // RFM over 2009-03..2011-02, as of 2011-03-01 00:00 Shanghai: everyone bought 18 days before (R 5) and
        // twice (F 1); a's 1900 is above the 80th percentile of M, 234 (M 5).
        // CLV = 1900 × 0.8 / (1.1 − 0.8) = 5066.67. Two purchases in 12 months and no survey: delight.
        String body = Callers.as("staff-17", Roles.FRONT_DESK).get("/api/v1/segments/customers/" + a + "/card-section")
                .then().statusCode(200).extract().asString();
        assertEquals(JSON.readTree("""
                {"customerId":"%s","known":true,"period":"2011-02","level":"MEDIUM","previousPeriod":"2011-01",
                 "previousLevel":"BIG","direction":"DOWN","rfm":"515","lifetimeValue":5066.67,
                 "lastPurchaseAt":"2011-02-10T02:00:00Z","actions":[
                  {"code":"WIN_BACK","priority":70,"text":"Win the customer back: ask the account manager to call.",
                   "reason":"The level dropped from BIG to MEDIUM at the close of 2011-02.",
                   "facts":{"period":"2011-02","from":"BIG","to":"MEDIUM"},"purpose":null},
                  {"code":"DELIGHT","priority":50,"text":"Delight the customer: a small unexpected gift at the end of the visit.",
                   "reason":"A repeat buyer (2 purchases in 12 months) who is not delighted: loyal by transaction only.",
                   "facts":{"purchases12":2,"satisfaction":null,"nps":null},"purpose":null}]}""".formatted(a)),
                JSON.readTree(body));
    }

    @Test
    void aCustomerSegmentationHasNotHeardOfIsUnknownWithNoActions() throws Exception {
        UUID stranger = UUID.randomUUID();
        String body = Callers.as("manager-7", Roles.ACCOUNT_MANAGER)
                .get("/api/v1/segments/customers/" + stranger + "/card-section").then().statusCode(200)
                .extract().asString();
        assertEquals(JSON.readTree("""
                {"customerId":"%s","known":false,"period":null,"level":null,"previousPeriod":null,
                 "previousLevel":null,"direction":null,"rfm":null,"lifetimeValue":null,"lastPurchaseAt":null,
                 "actions":[]}""".formatted(stranger)), JSON.readTree(body));
    }

    @Test
    void aKnownCustomerWithoutALevelYetHasNoDirectionAndNoActions() throws Exception {
        UUID newcomer = Ledger.knownCustomers(db, 1).get(0);
        String body = given().get("/api/v1/segments/customers/" + newcomer + "/card-section").then().statusCode(200)
                .extract().asString();
        assertEquals(JSON.readTree("""
                {"customerId":"%s","known":true,"period":null,"level":null,"previousPeriod":null,
                 "previousLevel":null,"direction":null,"rfm":null,"lifetimeValue":null,"lastPurchaseAt":null,
                 "actions":[]}""".formatted(newcomer)), JSON.readTree(body));
    }

    @Test
    void anAnalystMayNotReadTheCardSection() {
        Callers.assertForbidden(Callers.as("analyst-1", Roles.ANALYST)
                .get("/api/v1/segments/customers/" + UUID.randomUUID() + "/card-section"),
                "This needs the role account-manager or front-desk");
    }

    @Test
    void aMalformedIdIs400NamingId() {
        given().get("/api/v1/segments/customers/not-a-uuid/card-section").then().statusCode(400)
                .body("errors.field", contains("id"));
    }
}
