package crm.segmentation.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import crm.rest.Roles;
import crm.testing.Callers;
import crm.testing.CrmTestResources;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class AccessIT {

    @Inject
    AgroalDataSource db;

    @Test
    void aRequestWithoutATokenIs401ProblemJsonWithWwwAuthenticateBearer() {
        Callers.assertUnauthenticated(Callers.anonymous().queryParam("period", "2026-10").get("/api/v1/segments/pyramid"));
        Callers.assertUnauthenticated(Callers.anonymous().contentType(ContentType.JSON).body("{}")
                .post("/api/v1/transactions"));
    }

    @Test
    void anExpiredWronglySignedOrForeignTokenIs401NeverA5xx() {
        Callers.assertInvalidTokensRefused(request -> request.get("/api/v1/segments/customers/" + UUID.randomUUID()));
    }

    @Test
    void aRoleTheRouteDoesNotAllowIs403NamingTheRolesItNeeds() {
        Callers.assertForbidden(Callers.as("staff-17", Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER).contentType(ContentType.JSON)
                .body("{\"period\":\"2026-10\"}").post("/api/v1/segments/periods"), "This needs the role admin");
        Callers.assertForbidden(Callers.as("till-1", Roles.POS).get("/api/v1/segments/periods"),
                "This needs the role admin or analyst");
        Callers.assertForbidden(Callers.as("staff-17", Roles.FRONT_DESK).contentType(ContentType.JSON)
                .body("{\"capabilityFit\":\"HIGH\",\"needs\":\"COMMON\"}")
                .put("/api/v1/segments/customers/" + UUID.randomUUID() + "/assessment"), "This needs the role account-manager");
    }

    @Test
    void aTillBoundToItsSourceRecordsNoOtherSourcesSaleAndNothingIsWritten() {
        UUID customer = Ledger.knownCustomers(db, 1).get(0);
        RequestSpecification till1 = Callers.asSource("key:Till 1", "till-1", Roles.POS);
        Callers.assertForbidden(till1.contentType(ContentType.JSON).body(sale(customer, "till-2"))
                .post("/api/v1/transactions"), "source: must be till-1, the source this caller is bound to")
                .body("errors.field", contains("source"));
        String batch = "{\"transactions\":[" + sale(customer, "till-1") + "," + sale(customer, "till-2") + "]}";
        Callers.assertForbidden(Callers.asSource("key:Till 1", "till-1", Roles.POS).contentType(ContentType.JSON)
                .body(batch).post("/api/v1/transactions/batch"),
                "transactions[1].source: must be till-1, the source this caller is bound to")
                .body("errors.field", contains("transactions[1].source"));
        given().queryParam("customerId", customer).get("/api/v1/transactions").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void aTillRecordsItsOwnSourceAndAnUnboundIntegrationAnySource() {
        UUID customer = Ledger.knownCustomers(db, 1).get(0);
        Callers.asSource("key:Till 1", "till-1", Roles.POS).contentType(ContentType.JSON).body(sale(customer, " till-1 "))
                .post("/api/v1/transactions").then().statusCode(201);
        Callers.as("key:Nightly import", Roles.POS).contentType(ContentType.JSON)
                .body("{\"transactions\":[" + sale(customer, "till-2") + "," + sale(customer, "web-shop") + "]}")
                .post("/api/v1/transactions/batch").then().statusCode(200).body("recorded", equalTo(2));
        Callers.asSource("key:Till 1", "till-1", Roles.POS).contentType(ContentType.JSON)
                .body(sale(customer, "till-1").replace("\"source\":\"till-1\",", "")).post("/api/v1/transactions")
                .then().statusCode(400).body("errors.field", contains("source"));
        given().queryParam("customerId", customer).get("/api/v1/transactions").then().body("total", equalTo(3));
    }

    @Test
    void healthOpenApiAndMetricsNeedNoToken() {
        for (String open : List.of("/q/health", "/q/openapi", "/q/metrics")) {
            Callers.anonymous().get(open).then().statusCode(200);
        }
    }

    private static String sale(UUID customer, String source) {
        return Ledger.sale(customer, "2026-10-14T08:12:00Z", "10.00").replace("\"pos-test\"", "\"" + source + "\"");
    }

    @Test
    void onlyAnAdminListsOrReplaysTheEventsSetAside() {
        for (String kind : List.of("failed", "refused")) {
            String events = "/api/v1/segments/admin/events/" + kind;
            Callers.as("admin-1", Roles.ADMIN).get(events).then().statusCode(200);
            Callers.assertForbidden(Callers.as("analyst-2", Roles.ANALYST).get(events), "This needs the role admin");
        }
        String replay = "/api/v1/segments/admin/events/refused/" + UUID.randomUUID() + "/replay";
        Callers.as("admin-1", Roles.ADMIN).post(replay).then().statusCode(404).contentType("application/problem+json");
        Callers.assertForbidden(Callers.as("analyst-2", Roles.ANALYST).post(replay), "This needs the role admin");
    }
}
