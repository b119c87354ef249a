package crm.customer.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.events.Topics;
import crm.rest.Roles;
import crm.testing.Callers;
import crm.testing.CrmTestResources;
import crm.testing.StaffToken;
import crm.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class MergeAndErasureIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aMergeMovesEverythingToTheSurvivorAndLeavesAPointer() throws Exception {
        String phone = Customers.randomMobile();
        String card = "M" + System.nanoTime();
        String survivor = Customers.register("{\"displayName\":\"Yu Wei\",\"email\":\"yu" + System.nanoTime() + "@example.com\"}");
        String duplicate = Customers.register("Wei Yu", phone);
        String friend = Customers.register("{\"displayName\":\"Friend\"}");
        given().contentType(ContentType.JSON).body("{\"kind\":\"LOYALTY_CARD\",\"value\":\"" + card + "\"}")
                .post("/api/v1/customers/" + duplicate + "/identifiers").then().statusCode(201);
        putPreference(survivor, "seat", "SEAT", "aisle", "OBSERVED");
        putPreference(duplicate, "seat", "SEAT", "window", "STATED");
        putPreference(duplicate, "drink", "BEVERAGE", "tea", "STATED");
        given().contentType(ContentType.JSON).body("{\"toCustomerId\":\"" + friend + "\",\"type\":\"KNOWS\"}")
                .post("/api/v1/customers/" + duplicate + "/relationships").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"toCustomerId\":\"" + survivor + "\",\"type\":\"FAMILY\"}")
                .post("/api/v1/customers/" + duplicate + "/relationships").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"status\":\"GRANTED\",\"source\":\"desk\"}")
                .put("/api/v1/customers/" + duplicate + "/consents/MARKETING").then().statusCode(200);

        try (TopicReader topic = new TopicReader(bootstrap, Topics.CUSTOMER)) {
            given().contentType(ContentType.JSON).body("{\"duplicateId\":\"" + duplicate + "\"}")
                    .post("/api/v1/customers/" + survivor + "/merge").then().statusCode(200)
                    .body("survivorId", equalTo(survivor))
                    .body("mergedBy", equalTo(StaffToken.NAME))
                    .body("moved.identifiers", equalTo(2))
                    .body("moved.preferences", equalTo(2))
                    .body("moved.relationships", equalTo(1));
            JsonNode merged = awaitEvent(topic, duplicate, "crm.CustomerMerged");
            assertEquals(survivor, merged.get("data").get("survivorId").asText());
            assertEquals(duplicate, merged.get("data").get("duplicateId").asText());
        }

        Customers.get(duplicate).statusCode(301)
                .header("Location", "/api/v1/customers/" + survivor)
                .body("status", equalTo("MERGED"))
                .body("mergedInto", equalTo(survivor));
        given().queryParam("phone", phone).get("/api/v1/customers/identify").then().statusCode(200)
                .body("id", equalTo(survivor));
        given().queryParam("card", card).get("/api/v1/customers/identify").then().body("id", equalTo(survivor));
        given().get("/api/v1/customers/" + survivor + "/preferences").then()
                .body("items.find { it.key == 'seat' }.value", equalTo("window"))
                .body("items.find { it.key == 'drink' }.value", equalTo("tea"));
        given().queryParam("depth", 1).get("/api/v1/customers/" + survivor + "/network").then()
                .body("nodes.customer.id", containsInAnyOrder(survivor, friend));
        given().get("/api/v1/customers/" + survivor + "/consents").then().body("current", hasSize(1));
        given().get("/api/v1/customers/" + survivor + "/export-section").then().statusCode(200)
                .body("merges.duplicateId", hasItem(duplicate));
    }

    @Test
    void aMergeIsAuditedUnderTheCallersNameAndABodyNamingSomeoneElseIsRefused() {
        String survivor = Customers.register("{\"displayName\":\"Kept\"}");
        String duplicate = Customers.register("{\"displayName\":\"Copy\"}");
        Callers.as("privacy-9", Roles.PRIVACY_OFFICER).contentType(ContentType.JSON)
                .body("{\"duplicateId\":\"" + duplicate + "\",\"mergedBy\":\"someone else\"}")
                .post("/api/v1/customers/" + survivor + "/merge").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("mergedBy"));
        Callers.as("privacy-9", Roles.PRIVACY_OFFICER).contentType(ContentType.JSON)
                .body("{\"duplicateId\":\"" + duplicate + "\"}")
                .post("/api/v1/customers/" + survivor + "/merge").then().statusCode(200)
                .body("mergedBy", equalTo("privacy-9"));
        given().get("/api/v1/customers/" + survivor + "/export-section").then().statusCode(200)
                .body("merges.find { it.duplicateId == '" + duplicate + "' }.mergedBy", equalTo("privacy-9"));
    }

    @Test
    void badMergesAreRefused() {
        String a = Customers.register("{\"displayName\":\"A\"}");
        String b = Customers.register("{\"displayName\":\"B\"}");
        String erased = Customers.register("{\"displayName\":\"E\"}");
        given().post("/api/v1/customers/" + erased + "/erasure").then().statusCode(202);
        merge(a, a).statusCode(400).body("errors.field", hasItem("duplicateId"));
        merge(a, erased).statusCode(410);
        merge(a, b).statusCode(200);
        merge(a, b).statusCode(409).body("errors.field", hasItem("duplicateId"));
        merge(b, a).statusCode(409);
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/customers/" + a + "/merge").then()
                .statusCode(400).body("errors.field", hasItem("duplicateId"));
    }

    @Test
    void erasureRemovesPersonalDataAndLeavesATombstone() throws Exception {
        String phone = Customers.randomMobile();
        String id = Customers.register("""
            {"givenName":"Private","familyName":"Person","phone":"%s","birthday":"1970-01-01","notes":"allergic to nuts",
             "addresses":[{"label":"home","line1":"1 Quiet Road","city":"Hangzhou","country":"CN"}]}""".formatted(phone));
        putPreference(id, "drink", "BEVERAGE", "tea", "STATED");
        given().get("/api/v1/customers/" + id + "/export-section").then().statusCode(200)
                .body("customer.notes", equalTo("allergic to nuts"))
                .body("customer.addresses[0].city", equalTo("Hangzhou"))
                .body("preferences.key", hasItem("drink"));

        try (TopicReader topic = new TopicReader(bootstrap, Topics.CUSTOMER)) {
            given().post("/api/v1/customers/" + id + "/erasure").then().statusCode(202);
            awaitEvent(topic, id, "crm.CustomerErased");
        }
        Customers.get(id).statusCode(410).contentType("application/problem+json");
        given().queryParam("phone", phone).get("/api/v1/customers/identify").then().statusCode(404);
        given().get("/api/v1/customers/" + id + "/export-section").then().statusCode(410);
        given().post("/api/v1/customers/" + id + "/erasure").then().statusCode(410);
        // the phone is free for a new customer
        Customers.register("Newcomer", phone);
    }

    private static io.restassured.response.ValidatableResponse merge(String survivor, String duplicate) {
        return given().contentType(ContentType.JSON).body("{\"duplicateId\":\"" + duplicate + "\"}")
                .post("/api/v1/customers/" + survivor + "/merge").then();
    }

    private static void putPreference(String id, String key, String category, String value, String source) {
        given().contentType(ContentType.JSON)
                .body("{\"category\":\"%s\",\"value\":\"%s\",\"source\":\"%s\"}".formatted(category, value, source))
                .put("/api/v1/customers/" + id + "/preferences/" + key).then().statusCode(200);
    }

    /**
     * The first event of this type for the key: one the customer's previous change published may still
     * be on its way (the relay sends after the commit) and arrive first.
     */
    private JsonNode awaitEvent(TopicReader topic, String key, String type) throws Exception {
        for (int n = 1; ; n++) {
            JsonNode event = json.readTree(topic.awaitValues(key, n).get(n - 1));
            if (event.get("type").asText().equals(type)) {
                return event;
            }
        }
    }
}
