package crm.customer.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.events.Topics;
import crm.testing.CrmTestResources;
import crm.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class UpdateCustomerIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aMergePatchChangesOnlyWhatItNamesAndPublishesTheChangedFields() throws Exception {
        String id = Customers.register("""
            {"givenName":"Wei","familyName":"Yu","salutation":"Mr. Yu","company":"Acme","tags":["vip"]}""");
        String etag = Customers.etag(id);
        assertEquals("\"0\"", etag);
        try (TopicReader topic = new TopicReader(bootstrap, Topics.CUSTOMER)) {
            Customers.patch(id, etag, """
                {"salutation":"Dr. Yu","company":null,"influenceClass":"A","ownerId":"manager-7"}""")
                    .statusCode(200)
                    .header("ETag", "\"1\"")
                    .body("salutation", equalTo("Dr. Yu"))
                    .body("company", nullValue())
                    .body("givenName", equalTo("Wei"))
                    .body("tags", contains("vip"))
                    .body("influenceClass", equalTo("A"))
                    .body("version", equalTo(1));
            JsonNode event = json.readTree(topic.awaitValue(id));
            assertEquals("crm.CustomerUpdated", event.get("type").asText());
            assertEquals(List.of("salutation", "company", "influenceClass", "ownerId"),
                    json.convertValue(event.get("data").get("changedFields"), List.class));
        }
    }

    @Test
    void aStaleOrMissingIfMatchIsRefused() {
        String id = Customers.register("{\"displayName\":\"Stale\"}");
        Customers.patch(id, "\"0\"", "{\"notes\":\"first\"}").statusCode(200);
        Customers.patch(id, "\"0\"", "{\"notes\":\"second\"}").statusCode(412)
                .contentType("application/problem+json");
        Customers.patch(id, null, "{\"notes\":\"third\"}").statusCode(428)
                .contentType("application/problem+json");
        Customers.get(id).body("notes", equalTo("first"));
    }

    @Test
    void aNewPhoneMovesWhoTheCounterFinds() {
        String oldPhone = Customers.randomMobile();
        String newPhone = Customers.randomMobile();
        String id = Customers.register("Mover", oldPhone);
        Customers.patch(id, "\"0\"", "{\"phone\":\"" + newPhone + "\"}").statusCode(200)
                .body("phone", equalTo("+86" + newPhone));
        given().queryParam("phone", newPhone).get("/api/v1/customers/identify").then().statusCode(200)
                .body("id", equalTo(id));
        given().queryParam("phone", oldPhone).get("/api/v1/customers/identify").then().statusCode(404);
    }

    @Test
    void badPatchesAre400NamingTheFieldAndChangeNothing() {
        String id = Customers.register("{\"displayName\":\"Careful\",\"birthday\":\"1980-01-01\"}");
        Customers.patch(id, "\"0\"", "{\"version\":7}").statusCode(400).body("errors.field", hasItem("version"));
        Customers.patch(id, "\"0\"", "{\"birthday\":\"2999-01-01\"}").statusCode(400).body("errors.field", hasItem("birthday"));
        Customers.patch(id, "\"0\"", "{\"influenceClass\":\"Z\"}").statusCode(400).body("errors.field", hasItem("influenceClass"));
        Customers.patch(id, "\"0\"", "{\"email\":\"no-at-sign\"}").statusCode(400).body("errors.field", hasItem("email"));
        Customers.patch(id, "\"0\"", "{\"displayName\":null}").statusCode(400).body("errors.field", hasItem("displayName"));
        Customers.patch(id, "\"0\"", "[1,2]").statusCode(400);
        Customers.get(id).body("version", equalTo(0)).body("birthday", equalTo("1980-01-01"));
    }

    @Test
    void aPatchThatChangesNothingKeepsTheVersion() {
        String id = Customers.register("{\"displayName\":\"Same\"}");
        Customers.patch(id, "\"0\"", "{\"displayName\":\"Same\"}").statusCode(200).header("ETag", "\"0\"");
    }
}
