package crm.experience.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.events.Topics;
import crm.rest.ControlCharacters;
import crm.experience.domain.VisitIds;
import crm.experience.service.LogEntryRecorded;
import crm.experience.service.RecordedEntries;
import crm.testing.CrmTestResources;
import crm.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class LogIT {
    /** A furniture-store visit, touch points in order: the peak is −3 carrying items, the end +2 ice cream. */
    private static final Object[] FURNITURE_VISIT = {"location", 1, "parking", 0, "decor", 2, "diy-tools", 1,
        "one-way-route", -1, "quality", 2, "price", 2, "room-sets", 2, "trying-products", 2, "labels", 0, "staff", -2,
        "toilets", 0, "childrens-area", 1, "restaurant", 2, "finding-items", -2, "carrying-items", -3, "paying", -1,
        "delivery", 0, "assembly", -2, "ice-cream", 2};

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    RecordedEntries recorded;

    @Test
    void aFurnitureStoreVisitIsRememberedByItsNegativePeakAndItsSweetEnd() throws Exception {
        String journey = Journeys.furnitureStore();
        UUID customer = UUID.randomUUID();
        UUID visit = UUID.randomUUID();
        // Sent back to front: the curve follows the journey, not the order of the request.
        Object[] reversed = new Object[FURNITURE_VISIT.length];
        for (int i = 0; i < FURNITURE_VISIT.length; i += 2) {
            reversed[FURNITURE_VISIT.length - 2 - i] = FURNITURE_VISIT[i];
            reversed[FURNITURE_VISIT.length - 1 - i] = FURNITURE_VISIT[i + 1];
        }
        String body = Logs.visit(visit, journey, customer, "store-1", "2026-10-14T09:00:00Z", reversed);
        try (TopicReader topic = new TopicReader(bootstrap, Topics.EXPERIENCE)) {
            List<String> ids = Logs.post(body).statusCode(201)
                    .header("Location", equalTo("/api/v1/experience/visits/" + visit + "/curve"))
                    .body("created", equalTo(20)).body("repeated", equalTo(0)).body("journeyVersion", equalTo(1))
                    .body("entries[4].touchPointCode", equalTo("carrying-items"))
                    .body("entries[4].label", equalTo("terrible")).body("entries[4].labelZh", equalTo("糟糕"))
                    .extract().path("entries.id");
            Logs.post(body).statusCode(200).body("created", equalTo(0)).body("repeated", equalTo(20))
                    .body("entries.id", equalTo(ids));
            Logs.post(body.replace("\"score\":-3", "\"score\":-2")).statusCode(409)
                    .contentType("application/problem+json").body("errors.field", hasItem("entries[4].score"));

            // 20 ExperienceLogged, and the ComplaintOpened of the complaint the −3 opened (closed loop)
            List<String> events = topic.awaitValues(customer.toString(), 21).stream()
                    .filter(e -> !e.contains("\"crm.ComplaintOpened\"")).toList();
            Thread.sleep(500);
            assertEquals(21, topic.values(customer.toString()).size());
            Set<String> published = new HashSet<>();
            for (String event : events) {
                JsonNode e = new ObjectMapper().readTree(event);
                assertEquals("crm.ExperienceLogged", e.get("type").asText());
                assertEquals(customer.toString(), e.get("subject").asText());
                assertEquals(journey, e.get("data").get("journeyCode").asText());
                published.add(e.get("data").get("entryId").asText());
            }
            assertEquals(new HashSet<>(ids), published);
        }

        given().get("/api/v1/experience/visits/" + visit + "/curve").then().statusCode(200)
                .body("points.touchPointCode[0]", equalTo("location"))
                .body("points.score", contains(1, 0, 2, 1, -1, 2, 2, 2, 2, 0, -2, 0, 1, 2, -2, -3, -1, 0, -2, 2))
                .body("peak.touchPointCode", equalTo("carrying-items")).body("peak.score", equalTo(-3))
                .body("peak.label", equalTo("terrible"))
                .body("end.touchPointCode", equalTo("ice-cream")).body("end.score", equalTo(2))
                .body("end.label", equalTo("comfortable")).body("end.labelZh", equalTo("舒服"))
                .body("remembered", equalTo(-0.5f)).body("mean", equalTo(0.3f)).body("min", equalTo(-3));

        List<LogEntryRecorded> fired = recorded.ofVisit(visit.toString());
        assertEquals(20, fired.size());
        LogEntryRecorded worst = fired.stream().filter(r -> r.score() == -3).findFirst().orElseThrow();
        assertEquals("carrying-items", worst.touchPointCode());
        assertEquals(customer, worst.customerId());
        assertTrue(worst.autoComplaints());
    }

    @Test
    void singleEntriesAddUpToAnAnonymousVisit() {
        String journey = Journeys.cafe();
        UUID visit = UUID.randomUUID();
        String welcome = """
            {"visitId":"%s","journeyCode":"%s","recordedBy":"MYSTERY_SHOPPER","touchPointCode":"welcome","score":-1,
             "occurredAt":"2026-10-14T08:00:00Z","note":"Nobody looked up"}""".formatted(visit, journey);
        try (TopicReader topic = new TopicReader(bootstrap, Topics.EXPERIENCE)) {
            Logs.post(welcome).statusCode(201).body("created", equalTo(1)).body("customerId", nullValue());
            Logs.post(welcome).statusCode(200).body("repeated", equalTo(1));
            Logs.post(welcome.replace("Nobody looked up", "Nobody smiled")).statusCode(409)
                    .body("errors.field", hasItem("note"));
            Logs.post(welcome.replace("welcome", "taste").replace("\"score\":-1", "\"score\":3").replace("08:00", "08:20")).statusCode(201);
            topic.awaitValues(visit.toString(), 2);
            // A new touch point beside a re-send that contradicts what is stored: neither is kept.
            Logs.post("""
                {"visitId":"%s","journeyCode":"%s","recordedBy":"MYSTERY_SHOPPER","entries":[
                  {"touchPointCode":"queue","score":2,"occurredAt":"2026-10-14T08:05:00Z"},
                  {"touchPointCode":"welcome","score":-1,"occurredAt":"2026-10-14T08:00:00Z","note":"Nobody smiled"}]}"""
                    .formatted(visit, journey)).statusCode(409).body("errors.field", hasItem("entries[1].note"));
        }
        given().get("/api/v1/experience/visits/" + visit + "/curve").then().statusCode(200)
                .body("points.touchPointCode", contains("welcome", "taste"))
                .body("peak.touchPointCode", equalTo("taste")).body("remembered", equalTo(3.0f))
                .body("mean", equalTo(1.0f)).body("min", equalTo(-1));
    }

    @Test
    void aTicketNumberIsTheVisitsIdInItsCurveAndItsEvents() throws Exception {
        String journey = Journeys.cafe();
        // Unique from run to run: the database outlives the test.
        String ticket = "T-2026/10-" + System.nanoTime();
        String body = Logs.visit(ticket, journey, null, null, "2026-10-14T08:00:00Z", "welcome", 2, "queue", -1);
        String key = VisitIds.subject(ticket).toString();
        try (TopicReader topic = new TopicReader(bootstrap, Topics.EXPERIENCE)) {
            Logs.post(body).statusCode(201).body("visitId", equalTo(ticket))
                    .header("Location", equalTo("/api/v1/experience/visits/" + ticket.replace("/", "%2F") + "/curve"));
            Logs.post(body).statusCode(200).body("repeated", equalTo(2));
            // An anonymous visit's events share a key made from its ticket, so they keep their order.
            for (String event : topic.awaitValues(key, 2)) {
                JsonNode e = new ObjectMapper().readTree(event);
                assertEquals(key, e.get("subject").asText());
                assertEquals(ticket, e.get("data").get("visitId").asText());
            }
        }
        given().get("/api/v1/experience/visits/{visitId}/curve", ticket).then().statusCode(200)
                .body("visitId", equalTo(ticket)).body("points.touchPointCode", contains("welcome", "queue"))
                .body("peak.score", equalTo(2)).body("end.score", equalTo(-1)).body("remembered", equalTo(0.5f));
        given().get("/api/v1/experience/visits/{visitId}/curve", "T 1042").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("visitId"));
        given().get("/api/v1/experience/visits/{visitId}/curve", "T-none-" + System.nanoTime()).then().statusCode(404);
    }

    @Test
    void firstEntriesOfOneVisitSentAtOnceMakeOneVisit() throws Exception {
        String journey = Journeys.cafe();
        UUID visit = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        List<String> touchPoints = Journeys.CAFE;
        ExecutorService pool = Executors.newFixedThreadPool(touchPoints.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < touchPoints.size(); i++) {
                String body = """
                    {"visitId":"%s","journeyCode":"%s","customerId":"%s","recordedBy":"STAFF","touchPointCode":"%s",
                     "score":1,"occurredAt":"2026-10-14T08:%02d:00Z"}""".formatted(visit, journey, customer,
                        touchPoints.get(i), 59 - i);
                statuses.add(pool.submit(() -> {
                    start.await();
                    return Logs.post(body).extract().statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertEquals(201, status.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        // One visit, every touch point once, started at the earliest entry whichever request came first.
        given().get("/api/v1/experience/visits/" + visit + "/curve").then().statusCode(200)
                .body("points.touchPointCode", contains(touchPoints.toArray()))
                .body("customerId", equalTo(customer.toString()));
        String earliest = "2026-10-14T08:%02d:00Z".formatted(60 - touchPoints.size());
        given().queryParam("from", earliest).queryParam("to", "2026-10-14T09:00:00Z")
                .get("/api/v1/experience/journeys/" + journey + "/curve").then().statusCode(200)
                .body("points.count", everyItem(equalTo(1)));
        given().queryParam("from", "2026-10-14T08:%02d:01Z".formatted(60 - touchPoints.size())).queryParam("to", "2026-10-14T09:00:00Z")
                .get("/api/v1/experience/journeys/" + journey + "/curve").then().statusCode(200)
                .body("points.count", everyItem(equalTo(0)));
    }

    @Test
    void aSingleEntryEarlierThanItsVisitsStartMovesTheStart() {
        String journey = Journeys.cafe();
        UUID visit = UUID.randomUUID();
        String entry = """
            {"visitId":"%s","journeyCode":"%s","recordedBy":"STAFF","touchPointCode":"%s","score":1,"occurredAt":"%s"}""";
        Logs.post(entry.formatted(visit, journey, "taste", "2026-10-15T08:20:00Z")).statusCode(201);
        Logs.post(entry.formatted(visit, journey, "welcome", "2026-10-15T08:00:00Z")).statusCode(201)
                .body("created", equalTo(1));
        // A journey curve takes the visits that started in [from, to): this one now starts at 08:00.
        given().queryParam("from", "2026-10-15T08:00:00Z").queryParam("to", "2026-10-15T08:10:00Z")
                .get("/api/v1/experience/journeys/" + journey + "/curve").then().statusCode(200)
                .body("points.find { it.touchPointCode == 'welcome' }.count", equalTo(1))
                .body("points.find { it.touchPointCode == 'taste' }.count", equalTo(1));
    }

    @Test
    void aVisitKeepsTheJourneyVersionItStartedIn() {
        String journey = Journeys.cafe();
        UUID before = Logs.log(journey, null, null, "2026-10-01T08:00:00Z", "seating", -2, "taste", 2);
        String v2 = Journeys.json("cafe-journey.json", journey)
                .replace("{\"code\":\"seating\",\"name\":\"Seating\",\"channel\":\"STORE\",\"need\":\"CONVENIENCE\",\"brandType\":\"UNBRANDED\"},", "")
                .replace("]}", ",{\"code\":\"app-review\",\"name\":\"Review in the app\",\"channel\":\"APP\",\"need\":\"RELATIONSHIP\",\"brandType\":\"BRANDED\"}]}");
        given().contentType("application/json").body(v2).put("/api/v1/experience/journeys/" + journey).then().statusCode(201);

        Logs.post(Logs.visit(before, journey, null, null, "2026-10-01T08:00:00Z", "seating", -2, "taste", 2, "farewell", 1))
                .statusCode(201).body("journeyVersion", equalTo(1)).body("created", equalTo(1));
        Logs.post(Logs.visit(before, journey, null, null, "2026-10-01T08:30:00Z", "app-review", 1)).statusCode(400)
                .body("errors.field", hasItem("entries[0].touchPointCode"));
        UUID after = UUID.randomUUID();
        Logs.post(Logs.visit(after, journey, null, null, "2026-10-02T08:00:00Z", "taste", 0, "app-review", 3))
                .statusCode(201).body("journeyVersion", equalTo(2)).body("entries.position", contains(7, 9));
        Logs.post(Logs.visit(UUID.randomUUID(), journey, null, null, "2026-10-02T08:00:00Z", "seating", 1))
                .statusCode(400).body("errors.field", hasItem("entries[0].touchPointCode"));

        given().get("/api/v1/experience/visits/" + before + "/curve").then()
                .body("journeyVersion", equalTo(1)).body("points.touchPointCode", contains("seating", "taste", "farewell"));
        given().get("/api/v1/experience/journeys/" + journey + "/curve").then().statusCode(200)
                .body("latestVersion", equalTo(2))
                .body("points.touchPointCode", contains("location", "welcome", "decor", "queue", "price", "variety",
                        "staff", "taste", "farewell", "app-review", "seating"))
                .body("points[7].count", equalTo(2)).body("points[7].mean", equalTo(1.0f))
                .body("points[10].inLatestVersion", equalTo(false)).body("points[10].mean", equalTo(-2.0f))
                .body("points[0].count", equalTo(0)).body("points[0].mean", nullValue());
    }

    @Test
    void badEntriesAre400NamingTheFieldAndWriteNothing() {
        String journey = Journeys.cafe();
        UUID visit = UUID.randomUUID();
        String good = Logs.visit(visit, journey, UUID.randomUUID(), null, "2026-10-14T08:00:00Z",
                "welcome", 1, "queue", -1, "taste", 2);
        expect400(good.replace("\"score\":2", "\"score\":4"), "entries[2].score");
        expect400(good.replace("\"score\":-1", "\"score\":-4"), "entries[1].score");
        expect400(good.replace("\"score\":2", "\"score\":1.5"), "entries[2].score");
        expect400(good.replace("\"queue\"", "\"drive-through\""), "entries[1].touchPointCode");
        expect400(good.replace("\"queue\"", "\"welcome\""), "entries[1].touchPointCode");
        expect400(good.replace("\"" + journey + "\"", "\"no-such-journey\""), "journeyCode");
        expect400(good.replace("2026-10-14T08:02:00Z", "yesterday"), "entries[1].occurredAt");
        expect400(good.replace("\"score\":2", "\"score\":null"), "entries[2].score");
        expect400(good.replace("\"STAFF\"", "\"ROBOT\""), "recordedBy");
        expect400(good.replace("\"visitId\":\"" + visit + "\"", "\"visitId\":\"T 1042\""), "visitId");
        expect400(good.replace("\"visitId\":\"" + visit + "\"", "\"visitId\":\"" + "T".repeat(65) + "\""), "visitId");
        expect400(good.replace("\"visitId\":\"" + visit + "\"", "\"visitId\":\"\""), "visitId");
        expect400(good.replace("\"entries\":[", "\"touchPointCode\":\"taste\",\"entries\":["), "touchPointCode");
        expect400(good.replace("\"entries\":[", "\"x\":[").replace("}]}", "}],\"touchPointCode\":\"taste\"}"), "x");
        expect400(good.replaceAll("\"entries\":\\[.*\\]", "\"entries\":[]"), "entries");
        // control characters, a text longer than any field, times beyond a day ahead or before the earliest date
        expect400(good.replace("\"note 4\"", "\"note\\u0000\""), "entries[2].note");
        expect400(good.replace("\"note 4\"", "\"\\u001b]0;owned\\u0007\""), "entries[2].note");
        expect400(good.replace("\"note 2\"", "\"" + "x".repeat(100_000) + "\""), "entries[1].note");
        expect400(good.replace("2026-10-14T08:02:00Z", "2031-10-14T08:02:00Z"), "entries[1].occurredAt");
        expect400(good.replace("2026-10-14T08:02:00Z", Instant.now().plus(Duration.ofDays(1)).plusSeconds(60).toString()),
                "entries[1].occurredAt");
        expect400(good.replace("2026-10-14T08:02:00Z", "1999-10-14T08:02:00Z"), "entries[1].occurredAt");
        expect400("""
                {"visitId":"%s","journeyCode":"%s","recordedBy":"STAFF","touchPointCode":"welcome","score":1,
                 "occurredAt":"2031-10-14T08:00:00Z"}""".formatted(visit, journey), "occurredAt");
        given().get("/api/v1/experience/visits/{visitId}/curve", "T\u00071042").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("visitId"))
                .body("errors.message", contains(ControlCharacters.MESSAGE));
        given().get("/api/v1/experience/visits/" + visit + "/curve").then().statusCode(404)
                .contentType("application/problem+json");

        Logs.post(good).statusCode(201);
        UUID other = UUID.randomUUID();
        Logs.post(good.replaceFirst("\"customerId\":\"[^\"]+\"", "\"customerId\":\"" + other + "\"")
                .replace("\"taste\",\"score\":2", "\"farewell\",\"score\":2")).statusCode(409)
                .body("errors.field", hasItem("customerId"));
        Logs.post(good.replace("\"welcome\",\"score\":1", "\"farewell\",\"score\":1").replace("\"score\":2", "\"score\":5"))
                .statusCode(400).body("errors.field", hasItem("entries[2].score"));
        given().get("/api/v1/experience/visits/" + visit + "/curve").then().statusCode(200)
                .body("points.touchPointCode", contains("welcome", "queue", "taste"));
    }

    private static void expect400(String body, String field) {
        Logs.post(body).statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }
}
