package crm.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import crm.events.Topics;
import crm.testing.KafkaBroker;
import crm.testing.TopicReader;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The most common flow at a till, through the gateway: a new guest signs up and pays at once, before
 * customer-service's CustomerRegistered has reached segmentation-service; and the same while the broker is down.
 * Their sales fall in a month no other test closes, so they change nobody's level.
 */
class SaleAtSignUpSystemIT {
    private static RunningSystem system;
    private static String desk;
    private static String till;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.shared();
        RestAssured.port = system.gatewayPort;
        desk = Keys.of(system, "front-desk");
        till = Keys.of(system, "pos");
    }

    @Test
    void fiftyGuestsWhoSignUpAndPayAtOnceAreEachSoldToAndCountedOnce() {
        List<String> guests = new ArrayList<>();
        try (TopicReader topic = new TopicReader(KafkaBroker.shared().bootstrapServers(), Topics.TRANSACTION)) {
            for (int i = 0; i < 50; i++) {
                String guest = register("Walk-in " + i);
                sell(guest, "signup-" + guest, "28.00").statusCode(201).body("customerId", equalTo(guest));
                guests.add(guest);
            }
            for (String guest : guests) {
                assertEquals(1, topic.awaitValues(guest, 1).size());
                awaitConfirmedWithOneSaleOf(guest, 28f);
            }
            guests.forEach(guest -> assertEquals(1, topic.values(guest).size(), "one TransactionRecorded per sale"));
        }
    }

    @Test
    void withTheBrokerDownGuestsStillSignUpAndPayAndEverythingReconcilesOnceItIsBack() {
        KafkaBroker broker = KafkaBroker.shared();
        List<String> guests = new ArrayList<>();
        try (TopicReader topic = new TopicReader(broker.bootstrapServers(), Topics.TRANSACTION)) {
            broker.stop();
            try {
                for (int i = 0; i < 10; i++) {
                    String guest = register("Outage walk-in " + i);
                    sell(guest, "outage-" + guest, "12.50").statusCode(201);
                    // the till did not hear back and sends it again
                    sell(guest, "outage-" + guest, "12.50").statusCode(200);
                    guests.add(guest);
                }
                for (String guest : guests) {
                    given().auth().oauth2(desk).get("/api/v1/segments/customers/" + guest).then().statusCode(200)
                            .body("confirmed", equalTo(false)).body("metrics.purchases", equalTo(1));
                }
            } finally {
                broker.restart();
            }
            for (String guest : guests) {
                assertEquals(1, topic.awaitValues(guest, 1).size());
                awaitConfirmedWithOneSaleOf(guest, 12.5f);
            }
            guests.forEach(guest -> assertEquals(1, topic.values(guest).size(), "one TransactionRecorded per sale"));
        }
    }

    private static String register(String name) {
        return given().auth().oauth2(desk).contentType(ContentType.JSON).body("{\"displayName\":\"" + name + "\"}")
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse sell(String customer, String externalId, String price) {
        return given().auth().oauth2(till).contentType(ContentType.JSON).body("""
                {"source":"till-1","externalId":"%s","customerId":"%s","occurredAt":"2024-05-20T02:00:00Z",
                 "store":"s1","channel":"STORE","currency":"CNY",
                 "lines":[{"sku":"LATTE","category":"FOOD","quantity":1,"unitPrice":%s,"unitCost":5.00}]}"""
                .formatted(externalId, customer, price)).post("/api/v1/transactions").then();
    }

    private static void awaitConfirmedWithOneSaleOf(String guest, float revenue) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(desk)
                .get("/api/v1/segments/customers/" + guest).then().statusCode(200)
                .body("confirmed", equalTo(true))
                .body("metrics.purchases", equalTo(1)).body("metrics.revenue", equalTo(revenue))
                .body("firstPurchaseAt", equalTo("2024-05-20T02:00:00Z")));
    }
}
