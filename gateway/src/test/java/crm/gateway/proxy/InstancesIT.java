package crm.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import crm.gateway.FrontDoorResources;
import crm.gateway.TestKeys;
import crm.rest.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two instances of a service behind the gateway: requests alternate, and one that is not ready is skipped. */
@QuarkusTest
@WithTestResource(TwoInstances.class)
@WithTestResource(FrontDoorResources.class)
class InstancesIT {
    private String frontDesk;

    @BeforeEach
    void bothInstancesReady() {
        frontDesk = TestKeys.issue(Roles.FRONT_DESK);
        TwoInstances.ready = true;
        await().atMost(Duration.ofSeconds(10)).until(() -> answeredBy(10).size() == 2);
    }

    @Test
    void requestsAlternateBetweenTheReadyInstances() {
        assertEquals(Map.of("a", 10, "b", 10), answeredBy(20));
    }

    @Test
    void anInstanceNotReadyGetsNoRequestsWithinASecondAndIsTakenBackWhenReady() {
        TwoInstances.ready = false;
        await().atMost(Duration.ofSeconds(1)).until(() -> answeredBy(1).equals(Map.of("a", 1))
                && answeredBy(1).equals(Map.of("a", 1)));
        assertEquals(Map.of("a", 20), answeredBy(20));
        TwoInstances.ready = true;
        await().atMost(Duration.ofSeconds(1)).until(() -> answeredBy(2).size() == 2);
    }

    @Test
    void anInstanceThatStopsListeningCostsNoRequestEvenAWrite() throws InterruptedException {
        TwoInstances.stopB();
        try {
            Thread.sleep(50); // the gateway has seen b close its pooled connections: a new one is refused
            for (int i = 0; i < 10; i++) {
                given().auth().oauth2(frontDesk).contentType(ContentType.JSON).body("{\"displayName\":\"Yu Wei\"}")
                        .post("/api/v1/customers").then().statusCode(201).body("instance", equalTo("a"));
            }
        } finally {
            TwoInstances.startB();
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> answeredBy(2).size() == 2);
    }

    /** How many of {@code n} reads each instance answered. */
    private Map<String, Integer> answeredBy(int n) {
        Map<String, Integer> answered = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            String instance = given().auth().oauth2(frontDesk).get("/api/v1/customers/" + UUID.randomUUID())
                    .then().statusCode(200).extract().path("instance");
            answered.merge(instance, 1, Integer::sum);
        }
        return answered;
    }
}
