package crm.customer.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import crm.testing.CrmTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The network answer holds at most crm.customer.network-max-nodes customers, and says when it was cut. */
@QuarkusTest
@TestProfile(NetworkCapIT.FourNodes.class)
@WithTestResource(CrmTestResources.class)
class NetworkCapIT {

    public static class FourNodes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crm.customer.network-max-nodes", "4");
        }
    }

    @Test
    void aNetworkLargerThanTheCapIsCutNearestAndOldestFirstAndSaysSo() {
        String hub = Customers.register("{\"displayName\":\"Hub\"}");
        String[] friends = new String[5];
        String[] edges = new String[5];
        for (int i = 0; i < 5; i++) {
            friends[i] = Customers.register("{\"displayName\":\"Friend " + i + "\"}");
            edges[i] = GuardRailsIT.relate(hub, friends[i], "KNOWS");
        }
        String friendOfFriend = Customers.register("{\"displayName\":\"Friend of a friend\"}");
        GuardRailsIT.relate(friends[0], friendOfFriend, "COLLEAGUE");
        given().queryParam("depth", 2).get("/api/v1/customers/" + hub + "/network").then().statusCode(200)
                .body("nodes.customer.id", contains(hub, friends[0], friends[1], friends[2]))
                .body("nodes.distance", contains(0, 1, 1, 1))
                .body("edges.id", contains(edges[0], edges[1], edges[2]))
                .body("truncated", equalTo(true));
    }

    @Test
    void aNetworkWithinTheCapIsWholeAndNotTruncated() {
        String a = Customers.register("{\"displayName\":\"Small A\"}");
        String b = Customers.register("{\"displayName\":\"Small B\"}");
        String c = Customers.register("{\"displayName\":\"Small C\"}");
        String d = Customers.register("{\"displayName\":\"Small D\"}");
        GuardRailsIT.relate(a, b, "FAMILY");
        GuardRailsIT.relate(b, c, "FAMILY");
        GuardRailsIT.relate(c, d, "FAMILY");
        given().queryParam("depth", 3).get("/api/v1/customers/" + a + "/network").then().statusCode(200)
                .body("nodes.customer.id", containsInAnyOrder(a, b, c, d))
                .body("edges.size()", equalTo(3))
                .body("truncated", equalTo(false));
    }
}
