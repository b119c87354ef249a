package crm.gateway.health;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import crm.gateway.FrontDoorResources;
import crm.gateway.proxy.FakeServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Behind this gateway customer-service is up, segmentation-service's port is closed, experience-service never answers. */
@QuarkusTest
@WithTestResource(FakeServices.class)
@WithTestResource(FrontDoorResources.class)
class ServiceReadinessIT {

    @Test
    void theGatewayStaysReadyWithServicesDownAndNamesThemInTheDetails() {
        // The instances are asked every second; experience-service's ask times out after 2 s.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.data.customer-service", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.data.segmentation-service", startsWith("DOWN: http://127.0.0.1:"))
                .body("checks.find { it.name == 'services' }.data.experience-service", startsWith("DOWN: http://127.0.0.1:")));
    }
}
