package crm.customer.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import crm.rest.Roles;
import crm.testing.Callers;
import crm.testing.CrmTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class AccessIT {

    @Test
    void aRequestWithoutATokenIs401ProblemJsonWithWwwAuthenticateBearer() {
        String id = Customers.register("Anonymous Try", Customers.randomMobile());
        Callers.assertUnauthenticated(Callers.anonymous().get("/api/v1/customers/" + id))
                .body("instance", equalTo("/api/v1/customers/" + id));
        Callers.assertUnauthenticated(Callers.anonymous().contentType(ContentType.JSON).body("{\"displayName\":\"X\"}")
                .post("/api/v1/customers"));
    }

    @Test
    void anExpiredWronglySignedOrForeignTokenIs401NeverA5xx() {
        Callers.assertInvalidTokensRefused(request -> request.queryParam("phone", Customers.randomMobile())
                .get("/api/v1/customers/identify"));
    }

    @Test
    void aRoleTheRouteDoesNotAllowIs403NamingTheRolesItNeeds() {
        String id = Customers.register("Role Check", Customers.randomMobile());
        Callers.assertForbidden(Callers.as("till-7", Roles.POS).get("/api/v1/customers/" + id),
                "This needs the role account-manager or front-desk");
        Callers.assertForbidden(Callers.as("staff-17", Roles.FRONT_DESK, Roles.ACCOUNT_MANAGER)
                .get("/api/v1/customers/" + id + "/export-section"), "This needs the role privacy-officer");
        Callers.assertForbidden(Callers.as("analyst-1", Roles.ANALYST).contentType(ContentType.JSON)
                .body("{\"duplicateId\":\"" + id + "\"}").post("/api/v1/customers/" + id + "/merge"),
                "This needs the role privacy-officer");
    }

    @Test
    void aTillMayIdentifyAGuestAndAFrontDeskMayRegisterOne() {
        String phone = Customers.randomMobile();
        String id = Callers.as("staff-17", Roles.FRONT_DESK).contentType(ContentType.JSON)
                .body("{\"displayName\":\"Counter Guest\",\"phone\":\"" + phone + "\"}").post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");
        Callers.as("till-7", Roles.POS).queryParam("phone", phone).get("/api/v1/customers/identify").then()
                .statusCode(200).body("id", equalTo(id));
    }

    @Test
    void healthOpenApiAndMetricsNeedNoToken() {
        for (String open : new String[] {"/q/health", "/q/openapi", "/q/metrics"}) {
            Callers.anonymous().get(open).then().statusCode(200);
        }
    }

    @Test
    void theContractNamesTheRolesOfEachRoute() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/customers/{id}/merge'.post.security[0].values().flatten()", contains("privacy-officer"))
                .body("paths.'/api/v1/customers/identify'.get.security[0].values().flatten()",
                        containsInAnyOrder("front-desk", "account-manager", "pos"))
                .body("paths.'/api/v1/customers/{id}/merge'.post.responses", hasKey("401"))
                .body("paths.'/api/v1/customers/{id}/merge'.post.responses", hasKey("403"));
    }
}
