package crm.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import crm.rest.Roles;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteRolesTest {

    @Test
    void aLiteralPathIsNeverTakenForATemplate() {
        assertEquals("/api/v1/customers/identify", RouteRoles.match("GET", "/api/v1/customers/identify").template());
        assertEquals("/api/v1/customers/{id}", RouteRoles.match("GET", "/api/v1/customers/6f1c2a9e").template());
        assertEquals(List.of("front-desk", "account-manager", "pos"),
                RouteRoles.match("GET", "/api/v1/customers/identify").roles());
    }

    @Test
    void aParameterIsOneSegmentAndATrailingSlashIsTheSameRoute() {
        assertEquals("/api/v1/customers/{id}/identifiers/{kind}/{value}",
                RouteRoles.match("DELETE", "/api/v1/customers/1/identifiers/PHONE/+8613900000000").template());
        assertEquals("/api/v1/segments/pyramid", RouteRoles.match("GET", "/api/v1/segments/pyramid/").template());
        assertThrows(Refusal.NoRoute.class, () -> RouteRoles.match("GET", "/api/v1/customers/1/2"));
        assertEquals("/api/v1/customers", RouteRoles.match("GET", "/api/v1/customers/").template());
    }

    @Test
    void aKnownPathWithAnotherMethodIs405() {
        assertThrows(Refusal.WrongMethod.class, () -> RouteRoles.match("DELETE", "/api/v1/segments/pyramid"));
    }

    @Test
    void everyRouteIsInTheTableOnceAndNamesOnlyKnownRoles() {
        assertEquals(RouteRoles.TABLE.size(), RouteRoles.TABLE.stream()
                .map(r -> r.method() + " " + r.template()).distinct().count());
        RouteRoles.TABLE.forEach(r -> assertTrue(Roles.ALL.containsAll(r.roles()), r.template()));
    }

    @Test
    void onlyAnAdminListsOrReplaysAServicesEventsSetAside() {
        for (String prefix : List.of("customers", "segments", "experience")) {
            for (String kind : List.of("failed", "refused")) {
                String events = "/api/v1/" + prefix + "/admin/events/" + kind;
                assertEquals(List.of(Roles.ADMIN), RouteRoles.match("GET", events).roles());
                assertEquals(List.of(Roles.ADMIN), RouteRoles.match("POST", events + "/6f1c2a9e/replay").roles());
            }
        }
    }
}
