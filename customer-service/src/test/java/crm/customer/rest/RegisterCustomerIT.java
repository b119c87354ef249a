package crm.customer.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.events.Topics;
import crm.testing.CrmTestResources;
import crm.testing.Sql;
import crm.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class RegisterCustomerIT {

    @Inject
    AgroalDataSource db;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void registersNormalisesAndPublishesCustomerRegistered() throws Exception {
        String local = randomMobile();
        try (TopicReader topic = new TopicReader(bootstrap, Topics.CUSTOMER)) {
            String id = given().contentType(ContentType.JSON)
                    .body("""
                        {"givenName":"Wei","familyName":"Yu","salutation":"Mr. Yu","phone":"%s",
                         "email":"  Yu.Wei@Example.COM ","birthday":"1985-03-14","kind":"CONSUMER"}"""
                            .formatted(local.substring(0, 3) + " " + local.substring(3)))
                    .post("/api/v1/customers")
                    .then().statusCode(201)
                    .header("Location", startsWith("/api/v1/customers/"))
                    .body("displayName", equalTo("Wei Yu"))
                    .body("phone", equalTo("+86" + local))
                    .body("email", equalTo("yu.wei@example.com"))
                    .body("status", equalTo("ACTIVE"))
                    .extract().path("id");

            given().get("/api/v1/customers/" + id).then().statusCode(200)
                    .body("salutation", equalTo("Mr. Yu"))
                    .body("birthday", equalTo("1985-03-14"))
                    .body("kind", equalTo("CONSUMER"));

            JsonNode event = json.readTree(topic.awaitValue(id));
            assertEquals("1.0", event.get("specversion").asText());
            assertEquals("crm.CustomerRegistered", event.get("type").asText());
            assertEquals("/crm/customer-service", event.get("source").asText());
            assertEquals(id, event.get("subject").asText());
            assertEquals(id, event.get("data").get("customerId").asText());
            assertEquals("CONSUMER", event.get("data").get("kind").asText());
            // No personal data leaves the service on the event.
            assertEquals(3, event.get("data").size());
        }
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertEquals(0, Sql.count(db, "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")));
    }

    @Test
    void aPhoneOrEmailHeldByAnotherCustomerIsAConflict() {
        String phone = "+86" + randomMobile();
        String email = "guest-" + UUID.randomUUID() + "@example.com";
        given().contentType(ContentType.JSON).body("""
            {"displayName":"First","phone":"%s","email":"%s"}""".formatted(phone, email))
                .post("/api/v1/customers").then().statusCode(201);

        long before = Sql.count(db, "SELECT count(*) FROM customer");
        given().contentType(ContentType.JSON).body("""
            {"displayName":"Second","phone":"%s"}""".formatted(phone.substring(3)))
                .post("/api/v1/customers").then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("phone"));
        given().contentType(ContentType.JSON).body("""
            {"displayName":"Third","email":"%s"}""".formatted(email.toUpperCase()))
                .post("/api/v1/customers").then().statusCode(409)
                .body("errors.field", hasItem("email"));
        assertEquals(before, Sql.count(db, "SELECT count(*) FROM customer"));
    }

    @Test
    void badInputIsA400NamingTheFieldAndWritesNothing() {
        long before = Sql.count(db, "SELECT count(*) FROM customer");
        long eventsBefore = Sql.count(db, "SELECT count(*) FROM outbox_event");
        String tomorrow = LocalDate.now().plusDays(1).toString();
        given().contentType(ContentType.JSON).body("{\"displayName\": ").post("/api/v1/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", startsWith("Malformed JSON"));
        given().contentType(ContentType.JSON)
                .body("{\"displayName\":\"A\",\"extra\":" + "[".repeat(5000) + "]".repeat(5000) + "}")
                .post("/api/v1/customers").then().statusCode(400).contentType("application/problem+json")
                .body("detail", startsWith("The body is beyond what any request may be"));
        expect400("{\"salutation\":\"Ms.\"}", "displayName");
        expect400("{\"displayName\":\"A\",\"email\":\"not-an-email\"}", "email");
        expect400("{\"displayName\":\"A\",\"phone\":\"12\"}", "phone");
        expect400("{\"displayName\":\"A\",\"birthday\":\"" + tomorrow + "\"}", "birthday");
        expect400("{\"displayName\":\"A\",\"birthday\":\"14/03/1985\"}", "birthday");
        expect400("{\"displayName\":\"A\",\"kind\":\"ALIEN\"}", "kind");
        // control characters and a text longer than any field, refused as the body is read
        expect400("{\"displayName\":\"Yu\\u0000Wei\"}", "displayName");
        expect400("{\"displayName\":\"A\",\"notes\":\"\\u001b[2J\\u001b[H\"}", "notes");
        expect400("{\"displayName\":\"A\",\"email\":\"yu\\u007f@example.com\"}", "email");
        expect400("{\"displayName\":\"A\",\"notes\":\"" + "x".repeat(100_000) + "\"}", "notes");
        assertEquals(before, Sql.count(db, "SELECT count(*) FROM customer"));
        assertEquals(eventsBefore, Sql.count(db, "SELECT count(*) FROM outbox_event"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRegistersOnce() {
        String key = UUID.randomUUID().toString();
        String body = "{\"displayName\":\"Retry Guest\",\"phone\":\"" + randomMobile() + "\"}";
        String id = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/customers").then().statusCode(200).body("id", equalTo(id));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body("{\"displayName\":\"Someone Else\"}")
                .post("/api/v1/customers").then().statusCode(409).body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void tenRequestsWithOneKeyAtOnceRegisterOneCustomerAndAnswerItsIdToEach() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"displayName\":\"Queue Guest\",\"phone\":\"" + randomMobile() + "\"}";
        long before = Sql.count(db, "SELECT count(*) FROM customer");
        ExecutorService callers = Executors.newFixedThreadPool(10);
        List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                answers.add(callers.submit(() -> given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                        .body(body).post("/api/v1/customers").then().extract()));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            Set<String> ids = new HashSet<>();
            for (Future<ExtractableResponse<Response>> answer : answers) {
                statuses.merge(answer.get().statusCode(), 1, Integer::sum);
                ids.add(answer.get().path("id"));
            }
            assertEquals(Map.of(200, 9, 201, 1), statuses);
            assertEquals(1, ids.size());
            assertEquals(before + 1, Sql.count(db, "SELECT count(*) FROM customer"));
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void anUnknownIdIs404() {
        given().get("/api/v1/customers/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", is(404));
        given().get("/api/v1/customers/not-a-uuid").then().statusCode(400).body("errors.field", contains("id"));
    }

    private static void expect400(String body, String field) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", is(400))
                .body("errors.field", hasItem(field));
    }


    /** A valid Chinese mobile number without country code, unique enough for one test run. */
    static String randomMobile() {
        return "138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
