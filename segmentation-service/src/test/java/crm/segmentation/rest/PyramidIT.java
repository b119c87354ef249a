package crm.segmentation.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.events.Topics;
import crm.rest.Roles;
import crm.testing.Callers;
import crm.testing.CrmTestResources;
import crm.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A hand-built data set with known answers. Each test uses periods of its own, long past, so the
 * customers active in them are exactly the test's own.
 */
@QuarkusTest
@WithTestResource(CrmTestResources.class)
class PyramidIT {

    @Inject
    AgroalDataSource db;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a100CustomerPeriodIsCut1_4_15_80WithTiesBrokenById() {
        List<UUID> ids = Ledger.knownCustomers(db, 100);
        // three customers known from their sales only: ranked alike, and counted as unconfirmed
        for (int i = 50; i < 53; i++) {
            ids.set(i, UUID.randomUUID());
        }
        List<String> sales = new ArrayList<>();
        // ids are sorted: the two best spend the same, so the smaller id is TOP.
        for (int i = 0; i < 100; i++) {
            int amount = i < 2 ? 1000 : 1000 - 5 * i;
            sales.add(Ledger.sale(ids.get(i), "2001-03-15T12:00:00Z", amount + ".00"));
        }
        Ledger.record(sales);
        Ledger.close("2001-03");

        assertEquals("TOP", Ledger.level(ids.get(0), "2001-03"));
        assertEquals("BIG", Ledger.level(ids.get(1), "2001-03"));
        assertEquals("BIG", Ledger.level(ids.get(4), "2001-03"));
        assertEquals("MEDIUM", Ledger.level(ids.get(5), "2001-03"));
        assertEquals("MEDIUM", Ledger.level(ids.get(19), "2001-03"));
        assertEquals("SMALL", Ledger.level(ids.get(20), "2001-03"));
        // total revenue: 2 × 1000 + Σ_{i=2..99} (1000 − 5i) = 2000 + 98000 − 5 × 4949 = 75255
        given().queryParam("period", "2001-03").get("/api/v1/segments/pyramid").then().statusCode(200)
                .body("active", equalTo(100))
                .body("unconfirmed", equalTo(3))
                .body("revenue", equalTo(75255f))
                .body("levels.find { it.level == 'TOP' }.customers", equalTo(1))
                .body("levels.find { it.level == 'BIG' }.customers", equalTo(4))
                .body("levels.find { it.level == 'MEDIUM' }.customers", equalTo(15))
                .body("levels.find { it.level == 'SMALL' }.customers", equalTo(80))
                .body("levels.find { it.level == 'TOP' }.revenue", equalTo(1000f))
                .body("levels.find { it.level == 'TOP' }.shareOfRevenue", equalTo(0.0133f))
                .body("levels.find { it.level == 'BIG' }.cutOff", equalTo(980f))
                .body("levels.find { it.level == 'SMALL' }.cutOff", equalTo(505f));
    }

    @Test
    void aCustomerGoesProspectSmallTopInactiveWithOneEventPerChange() throws Exception {
        List<UUID> fillers = Ledger.knownCustomers(db, 60);
        UUID yu = Ledger.knownCustomers(db, 1).get(0);
        List<String> sales = new ArrayList<>();
        for (String month : List.of("2002-01", "2002-02", "2002-03", "2002-04")) {
            for (int i = 0; i < fillers.size(); i++) {
                sales.add(Ledger.sale(fillers.get(i), month + "-10T10:00:00Z", (100 + i) + ".00"));
            }
        }
        sales.add(Ledger.sale(yu, "2002-02-10T10:00:00Z", "1.00"));
        sales.add(Ledger.sale(yu, "2002-03-10T10:00:00Z", "99999.00"));
        Ledger.record(sales);

        try (TopicReader topic = new TopicReader(bootstrap, Topics.SEGMENT_CHANGE)) {
            for (String month : List.of("2002-01", "2002-02", "2002-03", "2002-04")) {
                Ledger.close(month);
            }
            // closing again changes and publishes nothing
            given().contentType(ContentType.JSON).body("{\"period\":\"2002-03\"}").post("/api/v1/segments/periods")
                    .then().statusCode(200).body("period", equalTo("2002-03"));

            assertEquals("PROSPECT", Ledger.level(yu, "2002-01"));
            assertEquals("SMALL", Ledger.level(yu, "2002-02"));
            assertEquals("TOP", Ledger.level(yu, "2002-03"));
            assertEquals("INACTIVE", Ledger.level(yu, "2002-04"));

            List<String> events = topic.awaitValues(yu.toString(), 3);
            assertEquals(3, topic.values(yu.toString()).size());
            List<String> moves = new ArrayList<>();
            for (String event : events) {
                JsonNode data = json.readTree(event).get("data");
                moves.add(data.get("period").asText() + " " + data.get("from").asText() + ">" + data.get("to").asText()
                        + " " + data.get("direction").asText());
                assertEquals(8, data.size());
            }
            assertEquals(List.of("2002-02 PROSPECT>SMALL NEW", "2002-03 SMALL>TOP UP", "2002-04 TOP>INACTIVE LOST"), moves);
        }
        given().queryParam("period", "2002-03").queryParam("direction", "UP").get("/api/v1/segments/changes").then()
                .statusCode(200).body("items.customerId", hasItem(yu.toString()));
        given().get("/api/v1/segments/customers/" + yu).then().body("level", equalTo("INACTIVE"))
                .body("period", equalTo("2002-04"));
    }

    @Test
    void aQuarterIsCutFromItsMonthsSummedAndARecomputeSumsThemAgain() throws Exception {
        List<UUID> ids = Ledger.knownCustomers(db, 100);
        UUID last = ids.get(99);
        List<String> sales = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sales.add(Ledger.sale(ids.get(i), "2004-04-15T12:00:00Z", (1000 - 5 * i) + ".00"));
            sales.add(Ledger.sale(ids.get(i), "2004-05-15T12:00:00Z", "10.00"));
        }
        sales.add(Ledger.sale(last, "2004-06-15T12:00:00Z", "5000.00"));
        Ledger.record(sales);
        Ledger.close("2004-04");
        Ledger.close("2004-Q2");

        // Last in April, first over the quarter: 505 + 10 + 5000.
        assertEquals("SMALL", Ledger.level(last, "2004-04"));
        assertEquals("TOP", Ledger.level(last, "2004-Q2"));
        assertEquals("BIG", Ledger.level(ids.get(0), "2004-Q2"));
        // Σ (1000 − 5i) + 100 × 10 + 5000 = 75250 + 1000 + 5000
        given().queryParam("period", "2004-Q2").get("/api/v1/segments/pyramid").then().statusCode(200)
                .body("active", equalTo(100))
                .body("revenue", equalTo(81250f))
                .body("levels.find { it.level == 'TOP' }.revenue", equalTo(5515f));

        // Late sales count once the quarter is recomputed: one of a customer who had none in it.
        UUID newcomer = Ledger.knownCustomers(db, 1).get(0);
        String untouched = quarterRowVersion(ids.get(0));
        Ledger.record(List.of(Ledger.sale(ids.get(50), "2004-06-30T12:00:00Z", "6000.00"),
                Ledger.sale(newcomer, "2004-06-30T13:00:00Z", "1.00")));
        given().contentType(ContentType.JSON).body("{\"period\":\"2004-Q2\"}").queryParam("recompute", true)
                .post("/api/v1/segments/periods").then().statusCode(200);
        assertEquals("TOP", Ledger.level(ids.get(50), "2004-Q2"));
        assertEquals("BIG", Ledger.level(last, "2004-Q2"));
        assertEquals("SMALL", Ledger.level(newcomer, "2004-Q2"));
        given().queryParam("period", "2004-Q2").get("/api/v1/segments/pyramid").then().statusCode(200)
                .body("active", equalTo(101))
                .body("revenue", equalTo(87251f))
                .body("levels.find { it.level == 'TOP' }.revenue", equalTo(6760f));
        assertEquals(untouched, quarterRowVersion(ids.get(0)), "a sum that did not change is not rewritten");
    }

    /** The transaction that last wrote the customer's 2004-Q2 totals. */
    private String quarterRowVersion(UUID customer) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT xmin::text FROM customer_period WHERE period = '2004-Q2' AND customer_id = ?")) {
            s.setObject(1, customer);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    @Test
    void aCloseWhileLateSalesArriveRanksEachCustomerOnce() throws Exception {
        List<UUID> ids = Ledger.knownCustomers(db, 3000);
        List<String> sales = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            sales.add(Ledger.sale(ids.get(i), "2005-07-10T10:00:00Z", (100 + i % 997) + ".00"));
        }
        Ledger.record(sales);
        // Late sales lift customers from below the middle of the ranking to above it while the close runs.
        ExecutorService late = Executors.newSingleThreadExecutor();
        Future<?> lifting = late.submit(() -> {
            for (int round = 0; round < 20; round++) {
                List<String> lifts = new ArrayList<>();
                for (int i = round; i < ids.size(); i += 20) {
                    lifts.add(Ledger.sale(ids.get(i), "2005-07-20T10:00:00Z", "700.00"));
                }
                Ledger.record(lifts);
            }
        });
        Ledger.close("2005-07");
        lifting.get(60, TimeUnit.SECONDS);
        late.shutdown();

        try (Connection c = db.getConnection(); PreparedStatement select = c.prepareStatement("""
                SELECT count(*), count(DISTINCT customer_id), count(rank), count(DISTINCT rank), min(rank), max(rank)
                FROM period_level WHERE period = '2005-07' AND customer_id = ANY(?)""")) {
            select.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet r = select.executeQuery()) {
                r.next();
                assertEquals(3000, r.getInt(1), "one row per customer");
                assertEquals(3000, r.getInt(2), "no customer twice");
                assertEquals(r.getInt(3), r.getInt(4), "no rank twice");
            }
        }
        given().queryParam("period", "2005-07").get("/api/v1/segments/pyramid").then().statusCode(200)
                .body("active", equalTo(3000));
    }

    @Test
    void aLateRefundAndARecomputeMoveACustomerDownWithOneEvent() throws Exception {
        List<UUID> ids = Ledger.knownCustomers(db, 50);
        List<String> sales = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            sales.add(Ledger.sale(ids.get(i), "2003-05-10T10:00:00Z", (1000 - 10 * i) + ".00"));
        }
        Ledger.record(sales);
        Ledger.close("2003-05");
        UUID second = ids.get(1);
        assertEquals("BIG", Ledger.level(second, "2003-05"));

        try (TopicReader topic = new TopicReader(bootstrap, Topics.SEGMENT_CHANGE)) {
            given().contentType(ContentType.JSON)
                    .body(Ledger.sale(second, "2003-05-20T10:00:00Z", "900.00", "0.00", true, "REFUND-" + UUID.randomUUID()))
                    .post("/api/v1/transactions").then().statusCode(201);
            given().contentType(ContentType.JSON).body("{\"period\":\"2003-05\"}")
                    .queryParam("recompute", true).post("/api/v1/segments/periods").then().statusCode(200)
                    .body("recomputedAt", org.hamcrest.Matchers.notNullValue());
            assertEquals("SMALL", Ledger.level(second, "2003-05"));
            JsonNode moved = json.readTree(topic.awaitValue(second.toString())).get("data");
            assertEquals("BIG", moved.get("from").asText());
            assertEquals("SMALL", moved.get("to").asText());
            assertEquals("DOWN", moved.get("direction").asText());
            // the recompute published this one difference only
            assertEquals(1, topic.values(second.toString()).size());
            assertEquals(0, topic.values(ids.get(0).toString()).size());
        }
    }

    @Test
    void aCloseKeepsWhoClosedItAndARecomputeWhoRecomputedIt() {
        Ledger.record(List.of(Ledger.sale(Ledger.knownCustomers(db, 1).get(0), "2008-02-10T10:00:00Z", "10.00")));
        String close = "{\"period\":\"2008-02\"}";
        Callers.as("admin-1", Roles.ADMIN).contentType(ContentType.JSON).body(close).post("/api/v1/segments/periods")
                .then().statusCode(201).body("closedBy", equalTo("admin-1")).body("recomputedBy", nullValue());
        Callers.as("admin-2", Roles.ADMIN).contentType(ContentType.JSON).body(close).queryParam("recompute", true)
                .post("/api/v1/segments/periods").then().statusCode(200)
                .body("closedBy", equalTo("admin-1")).body("recomputedBy", equalTo("admin-2"));
        Callers.as("analyst-1", Roles.ANALYST).queryParam("size", 100).get("/api/v1/segments/periods").then()
                .statusCode(200)
                .body("items.find { it.period == '2008-02' }.closedBy", equalTo("admin-1"))
                .body("items.find { it.period == '2008-02' }.recomputedBy", equalTo("admin-2"));
    }

    @Test
    void badPeriodsAre400AndOpenOnes404() {
        given().contentType(ContentType.JSON).body("{\"period\":\"2026-13\"}").post("/api/v1/segments/periods").then()
                .statusCode(400).body("errors.field", hasItem("period"));
        given().contentType(ContentType.JSON).body("{\"period\":\"Q3-2026\"}").post("/api/v1/segments/periods").then()
                .statusCode(400);
        given().queryParam("period", "1999-01").get("/api/v1/segments/pyramid").then().statusCode(404);
        given().get("/api/v1/segments/pyramid").then().statusCode(400).body("errors.field", hasItem("period"));
        given().queryParam("period", "2001-03").queryParam("direction", "SIDEWAYS").get("/api/v1/segments/changes")
                .then().statusCode(400).body("errors.field", hasItem("direction"));
    }
}
