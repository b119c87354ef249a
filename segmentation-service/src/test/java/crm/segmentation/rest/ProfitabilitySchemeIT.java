package crm.segmentation.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import crm.testing.CrmTestResources;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A profitability scheme by configuration alone: PLATINUM 20 / GOLD 30 / IRON 50 by margin, LEAD for margin ≤ 0. */
@QuarkusTest
@TestProfile(ProfitabilitySchemeIT.Profitability.class)
@WithTestResource(CrmTestResources.class)
class ProfitabilitySchemeIT {

    public static class Profitability implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "crm.segmentation.pyramid.metric", "MARGIN",
                    "crm.segmentation.pyramid.levels", "PLATINUM:20,GOLD:30,IRON:50",
                    "crm.segmentation.pyramid.non-positive-margin-level", "LEAD");
        }
    }

    @Inject
    AgroalDataSource db;

    @Test
    void rankedByMarginWithLossMakersInLead() {
        List<UUID> c = Ledger.knownCustomers(db, 12);
        List<String> sales = new ArrayList<>();
        // ten profitable customers: the highest revenue has the lowest margin, so margin, not revenue, decides
        for (int i = 0; i < 10; i++) {
            sales.add(Ledger.sale(c.get(i), "2005-03-10T10:00:00Z", (1000 + 100 * i) + ".00", (950 + 90 * i) + ".00",
                    false, UUID.randomUUID().toString()));
        }
        sales.add(Ledger.sale(c.get(10), "2005-03-10T10:00:00Z", "5000.00", "5000.00", false, UUID.randomUUID().toString()));
        sales.add(Ledger.sale(c.get(11), "2005-03-10T10:00:00Z", "100.00", "300.00", false, UUID.randomUUID().toString()));
        Ledger.record(sales);
        Ledger.close("2005-03");

        // margins 50 + 10i: c9 (140) and c8 (130) are the top 20% of the ten
        assertEquals("PLATINUM", Ledger.level(c.get(9), "2005-03"));
        assertEquals("PLATINUM", Ledger.level(c.get(8), "2005-03"));
        assertEquals("GOLD", Ledger.level(c.get(5), "2005-03"));
        assertEquals("IRON", Ledger.level(c.get(4), "2005-03"));
        assertEquals("LEAD", Ledger.level(c.get(10), "2005-03"));
        assertEquals("LEAD", Ledger.level(c.get(11), "2005-03"));
        given().queryParam("period", "2005-03").get("/api/v1/segments/pyramid").then().statusCode(200)
                .body("metric", equalTo("MARGIN"))
                .body("levels.level", contains("PLATINUM", "GOLD", "IRON", "LEAD", "INACTIVE", "PROSPECT"))
                .body("levels.find { it.level == 'PLATINUM' }.customers", equalTo(2))
                .body("levels.find { it.level == 'GOLD' }.customers", equalTo(3))
                .body("levels.find { it.level == 'IRON' }.customers", equalTo(5))
                .body("levels.find { it.level == 'LEAD' }.customers", equalTo(2))
                .body("levels.find { it.level == 'LEAD' }.margin", equalTo(-200f));
    }
}
