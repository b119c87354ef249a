package crm.segmentation.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import crm.testing.CrmTestResources;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A period is closed once it is over; every list is paged alike; a bad parameter is a 400 naming it. */
@QuarkusTest
@WithTestResource(CrmTestResources.class)
class GuardRailsIT {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    AgroalDataSource db;

    @Test
    void theRunningMonthAFutureMonthAndTheRunningQuarterCannotBeClosedYet() {
        YearMonth now = YearMonth.now(SHANGHAI);
        YearMonth running = now;
        YearMonth future = now.plusMonths(3);
        int quarter = (now.getMonthValue() - 1) / 3 + 1;
        YearMonth quarterAfter = YearMonth.of(now.getYear(), quarter * 3).plusMonths(1);
        refused(running.toString(), running.plusMonths(1), false);
        refused(running.toString(), running.plusMonths(1), true);
        refused(future.toString(), future.plusMonths(1), false);
        refused(now.getYear() + "-Q" + quarter, quarterAfter, false);
        List<String> closed = given().queryParam("size", 100).get("/api/v1/segments/periods").then().statusCode(200)
                .extract().path("items.period");
        assertThat(closed, not(hasItem(running.toString())));
    }

    private static void refused(String period, YearMonth closableFrom, boolean recompute) {
        String from = closableFrom.atDay(1).atStartOfDay(SHANGHAI).toInstant().toString();
        given().contentType(ContentType.JSON).body("{\"period\":\"" + period + "\"}").queryParam("recompute", recompute)
                .post("/api/v1/segments/periods").then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("period"))
                .body("detail", equalTo("period: " + period + " has not ended; it can be closed from "
                        + closableFrom.atDay(1) + " 00:00 Asia/Shanghai (" + from + ")"));
    }

    @Test
    void theClosedPeriodsArePagedAndAPageBeyondTheLastIsEmpty() {
        Ledger.close("2009-09");
        int total = given().queryParam("page", 0).queryParam("size", 1).get("/api/v1/segments/periods").then()
                .statusCode(200).body("items", hasSize(1)).body("page", equalTo(0)).body("size", equalTo(1))
                .extract().path("total");
        given().queryParam("page", total - 1).queryParam("size", 1).get("/api/v1/segments/periods").then()
                .statusCode(200).body("items", hasSize(1)).body("total", equalTo(total));
        given().queryParam("page", 2147483647).queryParam("size", 100).get("/api/v1/segments/periods").then()
                .statusCode(200).body("items", empty()).body("page", equalTo(2147483647)).body("size", equalTo(100))
                .body("total", equalTo(total));
        badParameter("/api/v1/segments/periods?page=-1", "page", "must be 0 or more");
        badParameter("/api/v1/segments/periods?size=0", "size", "must be between 1 and 100");
        badParameter("/api/v1/segments/periods?size=101", "size", "must be between 1 and 100");
        badParameter("/api/v1/segments/periods?page=2147483648", "page",
                "must be a whole number between -2147483648 and 2147483647");
    }

    @Test
    void aTransactionPageBeyondTheLastIsEmpty() {
        UUID customer = Ledger.knownCustomers(db, 1).get(0);
        Ledger.record(List.of(Ledger.sale(customer, "2009-10-10T10:00:00Z", "12.00"),
                Ledger.sale(customer, "2009-10-11T10:00:00Z", "13.00")));
        given().queryParam("customerId", customer).queryParam("page", 2147483647).queryParam("size", 100)
                .get("/api/v1/transactions").then().statusCode(200).body("items", empty())
                .body("page", equalTo(2147483647)).body("total", equalTo(2));
        given().queryParam("customerId", customer).queryParam("page", 1).queryParam("size", 1)
                .get("/api/v1/transactions").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].revenue", equalTo(12.0f)).body("total", equalTo(2));
        given().queryParam("page", 2147483647).queryParam("size", 100).get("/api/v1/transactions/unmatched").then()
                .statusCode(200).body("items", empty()).body("page", equalTo(2147483647));
    }

    @Test
    void aBadQueryOrPathParameterIsA400NamingIt() {
        badParameter("/api/v1/transactions?customerId=c-1", "customerId",
                "must be a UUID, e.g. 6f1c2a9e-5b1d-4c1e-9a57-3f0f5a1f2b11");
        badParameter("/api/v1/segments/customers/not-a-uuid", "id",
                "must be a UUID, e.g. 6f1c2a9e-5b1d-4c1e-9a57-3f0f5a1f2b11");
        badParameter("/api/v1/transactions/unmatched?size=lots", "size",
                "must be a whole number between -2147483648 and 2147483647");
        given().contentType(ContentType.JSON).body("{\"period\":\"2009-09\"}").queryParam("recompute", "yes")
                .post("/api/v1/segments/periods").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("recompute")).body("errors[0].message", equalTo("must be true or false"));
    }

    private static void badParameter(String path, String field, String message) {
        given().get(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field)).body("errors[0].message", equalTo(message))
                .body("detail", equalTo(field + ": " + message));
    }
}
