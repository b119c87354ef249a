package crm.customer.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.events.Topics;
import crm.testing.CrmTestResources;
import crm.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class ConsentIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void consentsKeepTheirHistoryAndPublishChanges() throws Exception {
        String id = Customers.register("{\"displayName\":\"Careful Guest\"}");
        try (TopicReader topic = new TopicReader(bootstrap, Topics.CUSTOMER)) {
            consent(id, "MARKETING", "GRANTED", "EMAIL");
            consent(id, "MARKETING", "GRANTED", "EMAIL");
            consent(id, "MARKETING", "WITHDRAWN", "EMAIL");
            consent(id, "ANALYTICS", "GRANTED", null);

            given().get("/api/v1/customers/" + id + "/consents").then().statusCode(200)
                    .body("current", hasSize(2))
                    .body("current.find { it.purpose == 'MARKETING' }.status", org.hamcrest.Matchers.equalTo("WITHDRAWN"))
                    .body("current.find { it.purpose == 'ANALYTICS' }.channel", org.hamcrest.Matchers.equalTo("ANY"))
                    .body("history.status", contains("GRANTED", "WITHDRAWN", "GRANTED"));

            // three changes: repeating the current status publishes nothing
            var events = topic.awaitValues(id, 3);
            assertEquals(3, topic.values(id).size());
            JsonNode withdrawn = new ObjectMapper().readTree(events.get(1));
            assertEquals("crm.ConsentChanged", withdrawn.get("type").asText());
            assertEquals("WITHDRAWN", withdrawn.get("data").get("status").asText());
            assertEquals("EMAIL", withdrawn.get("data").get("channel").asText());
        }
    }

    @Test
    void badConsentsAre400() {
        String id = Customers.register("{\"displayName\":\"X\"}");
        given().contentType(ContentType.JSON).body("{\"status\":\"MAYBE\",\"source\":\"desk\"}")
                .put("/api/v1/customers/" + id + "/consents/MARKETING").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        given().contentType(ContentType.JSON).body("{\"status\":\"GRANTED\"}")
                .put("/api/v1/customers/" + id + "/consents/MARKETING").then().statusCode(400)
                .body("errors.field", hasItem("source"));
        given().contentType(ContentType.JSON).body("{\"status\":\"GRANTED\",\"source\":\"desk\"}")
                .put("/api/v1/customers/" + id + "/consents/SPAM").then().statusCode(400)
                .body("errors.field", contains("purpose"))
                .body("errors[0].message", equalTo("must be one of [MARKETING, ANALYTICS, PARTNER_SHARING]"));
    }

    private static void consent(String id, String purpose, String status, String channel) {
        String body = channel == null ? "{\"status\":\"%s\",\"source\":\"front desk\"}".formatted(status)
                : "{\"status\":\"%s\",\"channel\":\"%s\",\"source\":\"front desk\"}".formatted(status, channel);
        given().contentType(ContentType.JSON).body(body).put("/api/v1/customers/" + id + "/consents/" + purpose)
                .then().statusCode(200);
    }
}
