package crm.experience.event;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import crm.events.Topics;
import crm.testing.CrmTestResources;
import crm.testing.TopicWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class CustomerRegisteredIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aRegisteredCustomerIsKnown() {
        String customer = UUID.randomUUID().toString();
        TopicWriter.send(bootstrap, Topics.CUSTOMER, customer,
                TopicWriter.customerRegistered(UUID.randomUUID().toString(), customer, "2026-11-03T08:00:00Z"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/api/v1/experience/customers/" + customer).then().statusCode(200)
                        .body("kind", equalTo("CONSUMER"))
                        .body("knownSince", equalTo("2026-11-03T08:00:00Z")));
    }

    @Test
    void anUnknownCustomerIs404() {
        given().get("/api/v1/experience/customers/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
