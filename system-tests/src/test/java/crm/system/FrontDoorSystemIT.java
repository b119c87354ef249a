package crm.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import crm.testing.IdentityKeys;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The front door with the real services behind it: who may write what, and what the audit shows. */
class FrontDoorSystemIT {
    private static RunningSystem system;
    private static String desk;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.shared();
        RestAssured.port = system.gatewayPort;
        desk = Keys.of(system, "front-desk");
    }

    @Test
    void aServicePortReachedWithoutTheGatewayGivesNothingAway() {
        String customer = "/api/v1/customers/" + UUID.randomUUID();
        given().port(system.customerPort).get(customer)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().port(system.customerPort).auth().oauth2(desk).get(customer).then().statusCode(401);
        String foreign = IdentityKeys.generate().token("intruder", List.of("front-desk", "privacy-officer"));
        given().port(system.customerPort).auth().oauth2(foreign).get(customer + "/export-section").then().statusCode(401);
        given().port(system.segmentationPort).contentType(ContentType.JSON).body("{}").post("/api/v1/transactions")
                .then().statusCode(401);
        given().port(system.experiencePort).get("/api/v1/experience/negative-experience-cost?annualRevenue=1")
                .then().statusCode(401);
        given().port(system.customerPort).get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aTillRecordsOnlyItsOwnSalesAndARefusedSaleWritesNothing() {
        String customer = register();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(desk)
                .get("/api/v1/segments/customers/" + customer).then().statusCode(200));
        String till1 = Keys.of(system, "pos");
        given().auth().oauth2(till1).contentType(ContentType.JSON).body(sale("till-2", "s-1", customer))
                .post("/api/v1/transactions").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(till1).contentType(ContentType.JSON)
                .body("{\"transactions\":[" + sale("till-1", "s-2", customer) + "," + sale("till-2", "s-3", customer) + "]}")
                .post("/api/v1/transactions/batch").then().statusCode(403);
        given().auth().oauth2(desk).get("/api/v1/transactions?customerId=" + customer)
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(till1).contentType(ContentType.JSON).body(sale("till-1", "s-4", customer))
                .post("/api/v1/transactions").then().statusCode(201);
        given().auth().oauth2(desk).get("/api/v1/transactions?customerId=" + customer)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].source", equalTo("till-1"));
    }

    @Test
    void aMergeIsAuditedAsTheCallerAndABodyNamingSomeoneElseIsRefused() {
        String survivor = register();
        String duplicate = register();
        String officer = Keys.issue(system, "privacy-officer", null, "officer-9");
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body("{\"duplicateId\":\"" + duplicate + "\",\"mergedBy\":\"someone else\"}")
                .post("/api/v1/customers/" + survivor + "/merge")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("mergedBy"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"duplicateId\":\"" + duplicate + "\"}")
                .post("/api/v1/customers/" + survivor + "/merge")
                .then().statusCode(200).body("mergedBy", equalTo("officer-9"));
    }

    private static String register() {
        String mobile = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return given().auth().oauth2(desk).contentType(ContentType.JSON)
                .body("{\"displayName\":\"Guest\",\"phone\":\"" + mobile + "\"}")
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    private static String sale(String source, String externalId, String customer) {
        return """
                {"source":"%s","externalId":"%s-%s","customerId":"%s","occurredAt":"2026-11-05T10:00:00Z",
                 "store":"s1","channel":"STORE","currency":"CNY",
                 "lines":[{"sku":"SKU-1","description":"Latte","category":"FOOD","quantity":1,"unitPrice":28.00,"unitCost":9.50}]}"""
                .formatted(source, externalId, customer, customer);
    }
}
