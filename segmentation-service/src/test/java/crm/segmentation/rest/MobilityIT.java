package crm.segmentation.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import crm.testing.CrmTestResources;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class MobilityIT {

    @Inject
    AgroalDataSource db;

    /**
     * 100 customers in January, c0 best; in February c0 drops to the bottom, c20 jumps to the top,
     * c99 buys nothing and a newcomer lands in MEDIUM. Only this test's customers buy in 2004.
     */
    @Test
    void theMatrixBetweenTwoPeriodsIsExact() {
        List<UUID> c = Ledger.knownCustomers(db, 100);
        UUID newcomer = Ledger.knownCustomers(db, 1).get(0);
        List<String> sales = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sales.add(Ledger.sale(c.get(i), "2004-01-10T10:00:00Z", (1000 - i) + ".00"));
        }
        for (int i = 0; i < 99; i++) {
            String amount = i == 0 ? "1.00" : i == 20 ? "5000.00" : (1000 - i) + ".00";
            sales.add(Ledger.sale(c.get(i), "2004-02-10T10:00:00Z", amount));
        }
        sales.add(Ledger.sale(newcomer, "2004-02-10T10:00:00Z", "994.50"));
        Ledger.record(sales);
        Ledger.close("2004-01");
        Ledger.close("2004-02");

        ValidatableResponse matrix = given().queryParam("from", "2004-01").queryParam("to", "2004-02")
                .get("/api/v1/segments/mobility").then().statusCode(200);
        cell(matrix, "TOP", "SMALL").body("customers", equalTo(1)).body("revenue", equalTo(1f)).body("shareOfRow", equalTo(1f));
        cell(matrix, "BIG", "BIG").body("customers", equalTo(4));
        cell(matrix, "MEDIUM", "MEDIUM").body("customers", equalTo(14)).body("shareOfRow", equalTo(0.9333f));
        cell(matrix, "MEDIUM", "SMALL").body("customers", equalTo(1)).body("shareOfRow", equalTo(0.0667f));
        cell(matrix, "SMALL", "TOP").body("customers", equalTo(1)).body("revenue", equalTo(5000f));
        cell(matrix, "SMALL", "SMALL").body("customers", equalTo(78));
        cell(matrix, "SMALL", "INACTIVE").body("customers", equalTo(1)).body("revenue", equalTo(0));
        cell(matrix, "PROSPECT", "MEDIUM").body("customers", equalTo(1)).body("revenue", equalTo(994.5f));
        matrix.rootPath("").body("rows.find { it.from == 'SMALL' }.customers", equalTo(80))
                .body("summary.UP.customers", equalTo(1))
                .body("summary.UP.revenueEffect", equalTo(4020f))
                .body("summary.DOWN.customers", equalTo(2))
                .body("summary.DOWN.revenueEffect", equalTo(-999f))
                .body("summary.LOST.customers", equalTo(1))
                .body("summary.LOST.revenueEffect", equalTo(-901f))
                .body("summary.NEW.customers", equalTo(1))
                .body("summary.NEW.revenueEffect", equalTo(994.5f));
    }

    @Test
    void badPeriodsAre400() {
        given().queryParam("from", "2004-02").queryParam("to", "2004-01").get("/api/v1/segments/mobility").then()
                .statusCode(400).body("errors.field", hasItem("from"));
        given().queryParam("from", "2004-1").queryParam("to", "2004-02").get("/api/v1/segments/mobility").then()
                .statusCode(400).body("errors.field", hasItem("from"));
        given().queryParam("from", "1990-01").queryParam("to", "1990-02").get("/api/v1/segments/mobility").then()
                .statusCode(404);
    }

    private static ValidatableResponse cell(ValidatableResponse matrix, String from, String to) {
        return matrix.rootPath("rows.find { it.from == '%s' }.cells.find { it.to == '%s' }".formatted(from, to));
    }
}
