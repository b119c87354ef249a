package crm.experience.rest;

import crm.rest.Roles;
import crm.testing.Callers;
import crm.testing.CrmTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class AccessIT {

    @Test
    void aRequestWithoutATokenIs401ProblemJsonWithWwwAuthenticateBearer() {
        Callers.assertUnauthenticated(Callers.anonymous().get("/api/v1/experience/journeys"));
        Callers.assertUnauthenticated(Callers.anonymous().contentType(ContentType.JSON).body("{}")
                .post("/api/v1/experience/complaints"));
    }

    @Test
    void anExpiredWronglySignedOrForeignTokenIs401NeverA5xx() {
        Callers.assertInvalidTokensRefused(request -> request.get("/api/v1/experience/complaints/" + UUID.randomUUID()));
    }

    @Test
    void aRoleTheRouteDoesNotAllowIs403NamingTheRolesItNeeds() {
        Callers.assertForbidden(Callers.as("till-3", Roles.POS).get("/api/v1/experience/journeys/any/curve"),
                "This needs the role analyst");
        Callers.assertForbidden(Callers.as("analyst-1", Roles.ANALYST).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/experience/logs"), "This needs the role account-manager or front-desk or pos");
        Callers.assertForbidden(Callers.as("privacy-2", Roles.PRIVACY_OFFICER).get("/api/v1/experience/journeys"),
                "This needs the role account-manager or admin or analyst or front-desk or pos");
    }

    @Test
    void healthOpenApiAndMetricsNeedNoToken() {
        for (String open : List.of("/q/health", "/q/openapi", "/q/metrics")) {
            Callers.anonymous().get(open).then().statusCode(200);
        }
    }

    @Test
    void onlyAnAdminListsOrReplaysTheEventsSetAside() {
        for (String kind : List.of("failed", "refused")) {
            String events = "/api/v1/experience/admin/events/" + kind;
            Callers.as("admin-1", Roles.ADMIN).get(events).then().statusCode(200);
            Callers.assertForbidden(Callers.as("analyst-2", Roles.ANALYST).get(events), "This needs the role admin");
        }
        String replay = "/api/v1/experience/admin/events/refused/" + UUID.randomUUID() + "/replay";
        Callers.as("admin-1", Roles.ADMIN).post(replay).then().statusCode(404).contentType("application/problem+json");
        Callers.assertForbidden(Callers.as("analyst-2", Roles.ANALYST).post(replay), "This needs the role admin");
    }
}
