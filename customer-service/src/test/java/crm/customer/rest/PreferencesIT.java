package crm.customer.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import crm.events.Topics;
import crm.testing.CrmTestResources;
import crm.testing.TopicWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class PreferencesIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void statedPreferencesAreKeptAndForgotten() {
        String id = Customers.register("{\"displayName\":\"Tea Drinker\"}");
        given().contentType(ContentType.JSON).body("{\"category\":\"BEVERAGE\",\"value\":\"green tea, no sugar\"}")
                .put("/api/v1/customers/" + id + "/preferences/drink").then().statusCode(200)
                .body("source", equalTo("STATED"));
        given().get("/api/v1/customers/" + id + "/preferences").then().statusCode(200)
                .body("items.find { it.key == 'drink' }.value", equalTo("green tea, no sugar"));
        given().contentType(ContentType.JSON)
                .body("{\"category\":\"BEVERAGE\",\"value\":\"coffee\",\"source\":\"OBSERVED\"}")
                .put("/api/v1/customers/" + id + "/preferences/drink").then().statusCode(409);
        given().delete("/api/v1/customers/" + id + "/preferences/drink").then().statusCode(204);
        given().delete("/api/v1/customers/" + id + "/preferences/drink").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"category\":\"bev erage\",\"value\":\"\"}")
                .put("/api/v1/customers/" + id + "/preferences/drink").then().statusCode(400)
                .body("errors.field", hasItem("category")).body("errors.field", hasItem("value"));
    }

    @Test
    void purchasesTeachTheUsualSeatAndOrderButNeverOverrideWhatWasStated() {
        String id = Customers.register("{\"displayName\":\"Regular\"}");
        given().contentType(ContentType.JSON).body("{\"category\":\"NEWSPAPER\",\"value\":\"Financial Times\"}")
                .put("/api/v1/customers/" + id + "/preferences/newspaper").then().statusCode(200);

        Instant start = Instant.parse("2026-10-01T08:00:00Z");
        String[][] visits = {
            {"window-2", "Latte", "Croissant"}, {"window-2", "Latte", "Bagel"}, {"bar-1", "Espresso", "Croissant"},
            {"window-2", "Latte", "Croissant"}};
        for (int i = 0; i < visits.length; i++) {
            publish(id, UUID.randomUUID().toString(), start.plus(Duration.ofDays(i)), visits[i]);
        }
        // the same transaction again (a redelivery) counts once
        String repeated = UUID.randomUUID().toString();
        publish(id, repeated, start.plus(Duration.ofDays(5)), new String[] {"bar-1", "Tea", "Tea"});
        publish(id, repeated, start.plus(Duration.ofDays(5)), new String[] {"bar-1", "Tea", "Tea"});
        publish(id, UUID.randomUUID().toString(), start.plus(Duration.ofDays(6)), new String[] {"window-2", "Latte", "Muffin"});

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/api/v1/customers/" + id + "/preferences").then().statusCode(200)
                        .body("items.find { it.key == 'seat' }.value", equalTo("window-2"))
                        .body("items.find { it.key == 'seat' }.source", equalTo("OBSERVED"))
                        .body("items.find { it.key == 'seat' }.category", equalTo("SEAT"))
                        .body("items.find { it.key == 'seat' }.confidence", equalTo(0.667f))
                        .body("items.find { it.key == 'usualOrder' }.value", equalTo("SKU-LATTE, SKU-CROISSANT, SKU-TEA"))
                        .body("items.find { it.key == 'newspaper' }.value", equalTo("Financial Times"))
                        .body("items.find { it.key == 'newspaper' }.source", equalTo("STATED")));
        Customers.get(id).body("lastSeenAt", equalTo("2026-10-07T08:00:00Z"));

        // An observation under the key of a stated preference leaves the stated one alone.
        publish(id, UUID.randomUUID().toString(), start.plus(Duration.ofDays(7)), new String[] {"window-2", "Latte"},
                "\"newspaper\":\"Daily Mirror\"");
        String marker = UUID.randomUUID().toString();
        publish(id, marker, start.plus(Duration.ofDays(8)), new String[] {"window-2", "Latte"});
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                Customers.get(id).body("lastSeenAt", equalTo("2026-10-09T08:00:00Z")));
        given().get("/api/v1/customers/" + id + "/preferences").then()
                .body("items.find { it.key == 'newspaper' }.value", equalTo("Financial Times"));
    }

    private void publish(String customerId, String transactionId, Instant at, String[] visit, String... moreAttributes) {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i < visit.length; i++) {
            lines.append(i > 1 ? "," : "").append("""
                {"sku":"SKU-%s","category":"FOOD","quantity":1,"unitPrice":28.00,"unitCost":9.50}"""
                    .formatted(visit[i].toUpperCase()));
        }
        String attributes = "\"seat\":\"" + visit[0] + "\"" + (moreAttributes.length > 0 ? "," + moreAttributes[0] : "");
        String event = """
            {"specversion":"1.0","id":"%s","source":"/crm/segmentation-service","type":"crm.TransactionRecorded",
             "subject":"%s","time":"%s","datacontenttype":"application/json",
             "data":{"transactionId":"%s","customerId":"%s","source":"pos","externalId":"%s","occurredAt":"%s",
                     "store":"cafe-1","channel":"STORE","currency":"CNY","lines":[%s],"attributes":{%s},
                     "revenue":56.00,"margin":37.00}}"""
                .formatted(transactionId, customerId, at, transactionId, customerId, transactionId, at, lines, attributes);
        TopicWriter.send(bootstrap, Topics.TRANSACTION, customerId, event);
    }
}
