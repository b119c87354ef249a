package crm.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import crm.events.Topics;
import crm.testing.KafkaBroker;
import crm.testing.TopicReader;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One request crosses every part: gateway → customer-service → outbox → Kafka → the other services. */
class RegistrationSliceIT {
    private static String desk;

    @BeforeAll
    static void start() throws Exception {
        RunningSystem system = RunningSystem.shared();
        RestAssured.port = system.gatewayPort;
        desk = Keys.of(system, "front-desk");
    }

    @Test
    void aCustomerRegisteredAtTheGatewayBecomesAProspectEverywhere() {
        String mobile = randomMobile();
        String id = given().auth().oauth2(desk).contentType(ContentType.JSON)
                .body("""
                    {"givenName":"Na","familyName":"Li","salutation":"Ms. Li","phone":"%s",
                     "email":"li.na.%s@example.com","birthday":"1990-06-01","kind":"CONSUMER"}""".formatted(mobile, mobile))
                .post("/api/v1/customers")
                .then().statusCode(201)
                .body("phone", equalTo("+86" + mobile))
                .extract().path("id");

        given().auth().oauth2(desk).get("/api/v1/customers/" + id).then().statusCode(200)
                .body("salutation", equalTo("Ms. Li"))
                .body("displayName", equalTo("Na Li"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(desk).get("/api/v1/segments/customers/" + id).then().statusCode(200)
                        .body("level", equalTo("PROSPECT")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(desk).get("/api/v1/experience/customers/" + id).then().statusCode(200)
                        .body("kind", equalTo("CONSUMER")));
    }

    @Test
    void theCallersTraceGoesThroughTheGatewayAndTheServiceOntoTheEvent() throws Exception {
        String traceId = hex(16);
        String callerSpanId = hex(8);
        try (TopicReader customers = new TopicReader(KafkaBroker.shared().bootstrapServers(), Topics.CUSTOMER)) {
            String id = given().auth().oauth2(desk).header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                    .contentType(ContentType.JSON).body("{\"displayName\":\"Traced Guest\"}")
                    .post("/api/v1/customers").then().statusCode(201).extract().path("id");

            String[] traceparent = new ObjectMapper().readTree(customers.awaitValue(id)).get("traceparent").asText()
                    .split("-");
            assertEquals(traceId, traceparent[1]);
            assertNotEquals(callerSpanId, traceparent[2]); // the service's own span, below the gateway's
            assertEquals("01", traceparent[3]);
        }
    }

    @Test
    void errorsComeThroughTheGatewayAsProblems() {
        String mobile = randomMobile();
        given().auth().oauth2(desk).contentType(ContentType.JSON).body("{\"displayName\":\"A\",\"phone\":\"" + mobile + "\"}")
                .post("/api/v1/customers").then().statusCode(201);
        given().auth().oauth2(desk).contentType(ContentType.JSON).body("{\"displayName\":\"B\",\"phone\":\"+86" + mobile + "\"}")
                .post("/api/v1/customers").then().statusCode(409)
                .contentType("application/problem+json").body("errors.field", hasItem("phone"));
        given().auth().oauth2(desk).contentType(ContentType.JSON).body("{\"displayName\":\"C\",\"email\":\"nope\"}")
                .post("/api/v1/customers").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("email"));
        given().auth().oauth2(desk).get("/api/v1/customers/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static String randomMobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
