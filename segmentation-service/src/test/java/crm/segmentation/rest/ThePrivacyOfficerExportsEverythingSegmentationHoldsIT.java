package crm.segmentation.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import crm.rest.Roles;
import crm.testing.Callers;
import crm.testing.CrmTestResources;
import crm.testing.StaffToken;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class ThePrivacyOfficerExportsEverythingSegmentationHoldsIT {

    @Inject
    AgroalDataSource db;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** Two lines: 2 × 28.00 (cost 9.50) and 1 × 35.00 (cost 12.00): revenue 91.00, cost 31.00, margin 60.00. */
    private static String twoLineSale(UUID customer, String externalId) {
        return """
            {"source":"pos-export","externalId":"%s","customerId":"%s","occurredAt":"2012-05-03T08:00:00Z",
             "store":"cafe-1","channel":"STORE","currency":"CNY",
             "lines":[{"sku":"LATTE","description":"Latte, oat milk","category":"FOOD","quantity":2,"unitPrice":28.00,"unitCost":9.50},
                      {"sku":"CAKE","description":"Cheesecake","category":"FOOD","quantity":1,"unitPrice":35.00,"unitCost":12.00}],
             "attributes":{"seat":"window-2","table":"7"}}""".formatted(externalId, customer);
    }

    @Test
    void anExportHoldsTheCustomerEveryTransactionWithItsLinesThePeriodTotalsAndEveryLevel() {
        UUID customer = Ledger.knownCustomers(db, 1).get(0);
        given().contentType(ContentType.JSON).body("{\"amount\":120000.00,\"currency\":\"CNY\"}")
                .put("/api/v1/segments/customers/" + customer + "/wallet").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"capabilityFit\":\"HIGH\",\"needs\":\"INDIVIDUAL\"}")
                .put("/api/v1/segments/customers/" + customer + "/assessment").then().statusCode(200);
        Wire.surveyed(bootstrap, customer.toString(), customer, 5, 9, "2012-05-04T10:00:00Z");
        String first = "X-" + UUID.randomUUID();
        String second = "X-" + UUID.randomUUID();
        Ledger.record(List.of(twoLineSale(customer, first),
                Ledger.sale(customer, "2012-05-20T09:00:00Z", "10.00", "4.00", false, second)));
        Ledger.close("2012-05");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> export(customer).body("customer.survey.nps", equalTo(9)));

        export(customer)
                .body("customerId", equalTo(customer.toString()))
                .body("erasedAt", nullValue())
                .body("customer.registeredAt", equalTo("2000-01-01T00:00:00Z"))
                .body("customer.firstPurchaseAt", equalTo("2012-05-03T08:00:00Z"))
                .body("customer.wallet.amount", equalTo(new BigDecimal("120000.00")))
                .body("customer.wallet.currency", equalTo("CNY"))
                .body("customer.wallet.updatedBy", equalTo(StaffToken.NAME))
                .body("customer.assessment.capabilityFit", equalTo("HIGH"))
                .body("customer.assessment.needs", equalTo("INDIVIDUAL"))
                .body("customer.assessment.assessedBy", equalTo(StaffToken.NAME))
                .body("customer.survey.satisfaction", equalTo(5))
                .body("customer.survey.surveyedAt", equalTo("2012-05-04T10:00:00Z"))
                .body("transactions.externalId", contains(first, second))
                .body("transactions[0].source", equalTo("pos-export"))
                .body("transactions[0].occurredAt", equalTo("2012-05-03T08:00:00Z"))
                .body("transactions[0].store", equalTo("cafe-1"))
                .body("transactions[0].refund", equalTo(false))
                .body("transactions[0].lines.sku", contains("LATTE", "CAKE"))
                .body("transactions[0].lines.description", contains("Latte, oat milk", "Cheesecake"))
                .body("transactions[0].lines.category", contains("FOOD", "FOOD"))
                .body("transactions[0].lines.quantity", contains(2, 1))
                .body("transactions[0].lines.unitPrice", contains(new BigDecimal("28.00"), new BigDecimal("35.00")))
                .body("transactions[0].lines.unitCost", contains(new BigDecimal("9.50"), new BigDecimal("12.00")))
                .body("transactions[0].attributes.seat", equalTo("window-2"))
                .body("transactions[0].attributes.table", equalTo("7"))
                .body("transactions[0].revenue", equalTo(new BigDecimal("91.00")))
                .body("transactions[0].cost", equalTo(new BigDecimal("31.00")))
                .body("transactions[0].margin", equalTo(new BigDecimal("60.00")))
                .body("transactions[1].lines.description", contains("Item"))
                .body("transactions[1].revenue", equalTo(new BigDecimal("10.00")))
                .body("transactions[1].margin", equalTo(new BigDecimal("6.00")))
                .body("periods.period", contains("2012-05"))
                .body("periods[0].revenue", equalTo(new BigDecimal("101.00")))
                .body("periods[0].cost", equalTo(new BigDecimal("35.00")))
                .body("periods[0].margin", equalTo(new BigDecimal("66.00")))
                .body("periods[0].purchases", equalTo(2))
                .body("periods[0].lastPurchaseAt", equalTo("2012-05-20T09:00:00Z"))
                // The only customer who bought in 2012-05: rank 1 of 1, beyond every cut but the last.
                .body("levels.period", contains("2012-05"))
                .body("levels[0].level", equalTo("SMALL"))
                .body("levels[0].revenue", equalTo(new BigDecimal("101.00")))
                .body("levels[0].margin", equalTo(new BigDecimal("66.00")))
                .body("levels[0].purchases", equalTo(2))
                .body("levels[0].rank", equalTo(1))
                .body("levels[0].fromLevel", equalTo("PROSPECT"))
                .body("levels[0].direction", equalTo("NEW"));
    }

    @Test
    void aCustomerSegmentationNeverHeardOfIsExportedEmpty() {
        UUID stranger = UUID.randomUUID();
        export(stranger).body("customerId", equalTo(stranger.toString())).body("customer", nullValue())
                .body("transactions", empty()).body("periods", empty()).body("levels", empty());
    }

    @Test
    void onlyAPrivacyOfficerExportsAndAMalformedIdIs400() {
        Callers.assertForbidden(Callers.as("manager-7", Roles.ACCOUNT_MANAGER)
                .get("/api/v1/segments/customers/" + UUID.randomUUID() + "/export"), "This needs the role privacy-officer");
        given().get("/api/v1/segments/customers/not-a-uuid/export").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("id"));
    }

    private static ValidatableResponse export(UUID customer) {
        return given().config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                        .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .get("/api/v1/segments/customers/" + customer + "/export").then().statusCode(200)
                .contentType(ContentType.JSON);
    }
}
