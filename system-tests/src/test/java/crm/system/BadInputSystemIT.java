package crm.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import crm.testing.KafkaBroker;
import crm.testing.TestDatabase;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input over every operation of the contract, through the gateway with a key of the operation's role (as a
 * careless or hostile client would send it): never a 5xx, always a 4xx problem+json, and nothing written, counted
 * from the outside (every table's rows and every topic's end offsets, before and after).
 */
class BadInputSystemIT {
    private static RunningSystem system;
    private static final Map<String, String> KEYS = new TreeMap<>();
    private static String customer;
    private static String etag;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.shared();
        RestAssured.port = system.gatewayPort;
        for (String role : List.of("front-desk", "account-manager", "pos", "analyst", "privacy-officer")) {
            KEYS.put(role, Keys.of(system, role));
        }
        KEYS.put("admin", Keys.admin(system));
        customer = given().auth().oauth2(KEYS.get("front-desk")).contentType(ContentType.JSON)
                .body("{\"displayName\":\"Bad input target\"}").post("/api/v1/customers").then().statusCode(201)
                .extract().path("id");
        etag = given().auth().oauth2(KEYS.get("front-desk")).get("/api/v1/customers/" + customer).then().statusCode(200)
                .extract().header("ETag");
    }

    @Test
    void everyOperationAnswersBadInputWithA4xxProblemAndWritesNothing() throws Exception {
        BadRequests generator = new BadRequests(Map.of("id", customer, "purpose", "MARKETING", "kind", "PHONE",
                "visitId", "V-bad-input", "code", "no-such-journey"));
        List<BadRequests.BadRequest> requests = generator.of(BadRequests.contract(
                Path.of(System.getProperty("crm.root", "..")).resolve("docs/contracts/openapi.yaml")));
        assertTrue(requests.size() >= 500, "at least 500 bad requests, generated " + requests.size());

        Snapshot before = Snapshot.settled();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (BadRequests.BadRequest request : requests) {
            Response answer = send(request);
            byStatus.merge(answer.statusCode(), 1, Integer::sum);
            String type = String.valueOf(answer.contentType());
            if (!refused(answer, type)) {
                wrong.add(answer.statusCode() + " " + type + " for " + request + ": "
                        + abbreviate(answer.asString()));
            }
        }
        Snapshot after = Snapshot.settled();
        System.out.printf("bad input: %d requests over %d operations, answers by status %s%n", requests.size(),
                requests.stream().map(BadRequests.BadRequest::operation).distinct().count(), byStatus);
        assertEquals(List.of(), wrong.stream().limit(60).toList(), wrong.size() + " answers were not a 4xx problem");
        assertEquals(before.rows(), after.rows(), "rows per table");
        assertEquals(before.offsets(), after.offsets(), "end offsets per topic partition");
    }

    /**
     * A 4xx problem; a batch answers 200 with a result per item, so there every item must be a 4xx problem and
     * nothing recorded.
     */
    private static boolean refused(Response answer, String type) {
        if (answer.statusCode() == 200 && type.startsWith("application/json") && answer.path("results") != null) {
            List<Integer> items = answer.path("results.status");
            return Integer.valueOf(0).equals(answer.path("recorded")) && Integer.valueOf(0).equals(answer.path("repeated"))
                    && !items.isEmpty() && items.stream().allMatch(status -> status >= 400 && status < 500);
        }
        return answer.statusCode() >= 400 && answer.statusCode() < 500 && type.startsWith("application/problem+json");
    }

    private static Response send(BadRequests.BadRequest request) throws InterruptedException {
        String role = request.roles().isEmpty() ? "admin" : request.roles().get(0);
        for (int attempt = 0; ; attempt++) {
            RequestSpecification spec = given().config(RestAssuredConfig.config().encoderConfig(EncoderConfig
                            .encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                    .urlEncodingEnabled(false).auth().oauth2(KEYS.get(role));
            request.query().forEach((name, value) -> spec.queryParam(name, java.net.URLEncoder.encode(value,
                    java.nio.charset.StandardCharsets.UTF_8)));
            if (request.body() != null) {
                spec.contentType(ContentType.JSON).body(request.body());
            }
            if (request.method().equals("PATCH")) {
                spec.header("If-Match", etag); // else every one is a 428 before its body is read
            }
            if (request.operation() != null && request.operation().startsWith("complaint")) {
                spec.header("Idempotency-Key", java.util.UUID.randomUUID().toString());
            }
            Response answer = spec.request(request.method(), request.path());
            if (answer.statusCode() != 429 || attempt > 20) {
                return answer;
            }
            Thread.sleep(1000); // the caller's rate limit: wait and send it again
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** Rows of every table of the services' schemas, and every topic partition's end offset. */
    private record Snapshot(Map<String, Long> rows, Map<String, Long> offsets) {
        /** Taken once two readings a second apart agree: what earlier tests sent has been applied. */
        static Snapshot settled() throws Exception {
            Snapshot last = take();
            for (int i = 0; i < 60; i++) {
                Thread.sleep(1000);
                Snapshot now = take();
                if (now.equals(last)) {
                    return now;
                }
                last = now;
            }
            throw new IllegalStateException("the system did not settle within a minute");
        }

        static Snapshot take() throws SQLException {
            return new Snapshot(tableRows(), topicOffsets());
        }

        private static Map<String, Long> tableRows() throws SQLException {
            TestDatabase db = TestDatabase.shared();
            Map<String, Long> rows = new TreeMap<>();
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                 Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet r = s.executeQuery("""
                        SELECT format('%I.%I', schemaname, tablename) FROM pg_tables
                        WHERE schemaname IN ('customer', 'segmentation', 'experience', 'gateway')
                            AND tablename NOT LIKE 'flyway%'""")) {
                    while (r.next()) {
                        tables.add(r.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
                        r.next();
                        rows.put(table, r.getLong(1));
                    }
                }
            }
            return rows;
        }

        private static Map<String, Long> topicOffsets() {
            Map<String, Object> config = Map.of("bootstrap.servers", KafkaBroker.shared().bootstrapServers(),
                    "key.deserializer", StringDeserializer.class, "value.deserializer", StringDeserializer.class);
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
                List<TopicPartition> partitions = consumer.listTopics().values().stream().flatMap(List::stream)
                        .filter(p -> p.topic().startsWith("crm."))
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                return consumer.endOffsets(partitions).entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue, (a, b) -> a,
                                TreeMap::new));
            }
        }
    }
}
