package crm.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The front-desk card with the real services behind the gateway: one call, everything the counter needs. */
class CustomerCardSystemIT {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static RunningSystem system;
    private static String desk;
    private static String manager;
    private static String till;
    private static String admin;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.shared();
        RestAssured.port = system.gatewayPort;
        desk = Keys.of(system, "front-desk");
        manager = Keys.of(system, "account-manager");
        till = Keys.of(system, "pos");
        admin = Keys.admin(system);
    }

    @Test
    void aReturningGuestsCardPutsTheApologyFirstAndLeavesOutTheOfferSheDidNotConsentTo() {
        LocalDate today = LocalDate.now(ZONE);
        // The last two months closed: she was BIG in the first and MEDIUM in the second.
        YearMonth last = YearMonth.from(today).minusMonths(1);
        YearMonth before = last.minusMonths(1);
        String digits = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String her = register("""
                {"displayName":"Lin Mei","salutation":"Ms. Lin","language":"zh-CN","phone":"139%s","birthday":"%s"}"""
                .formatted(digits, today.plusDays(3).withYear(1990)));
        String bigSpender = register("{\"displayName\":\"Big Spender\"}");
        List<String> peers = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            peers.add(register("{\"displayName\":\"Card peer " + i + "\"}"));
        }
        List<String> everyone = new ArrayList<>(peers);
        everyone.add(her);
        everyone.add(bigSpender);
        everyone.forEach(CustomerCardSystemIT::awaitKnownToSegmentation);
        // 21 active in each month: rank 1 is BIG, ranks 2-4 MEDIUM (top 1% + 4%, then 15%, rounded)
        for (String peer : peers) {
            sale(peer, before, "10.00");
            sale(peer, last, "10.00");
        }
        sale(bigSpender, before, "10.00");
        sale(bigSpender, last, "9000.00");
        sale(her, before, "5000.00");
        sale(her, last, "5000.00");
        close(before);
        close(last);

        given().auth().oauth2(desk).contentType(ContentType.JSON).body("{\"category\":\"SEAT\",\"value\":\"window-2\"}")
                .put("/api/v1/customers/" + her + "/preferences/seat").then().statusCode(200);
        given().auth().oauth2(desk).contentType(ContentType.JSON).body("{\"status\":\"DENIED\",\"source\":\"front desk\"}")
                .put("/api/v1/customers/" + her + "/consents/MARKETING").then().statusCode(200);
        // A large wallet of which we have a small share: Develop, a marketing offer she has said no to.
        given().auth().oauth2(manager).contentType(ContentType.JSON).body("{\"amount\":1000000.00,\"currency\":\"CNY\"}")
                .put("/api/v1/segments/customers/" + her + "/wallet").then().statusCode(200);
        String journey = "card-visit-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"code":"%s","name":"Café visit","touchPoints":[
                  {"code":"welcome","name":"Welcome","channel":"STORE","need":"RELATIONSHIP","brandType":"BRANDED"},
                  {"code":"queue","name":"Queue","channel":"STORE","need":"CONVENIENCE","brandType":"UNBRANDED"},
                  {"code":"farewell","name":"Farewell","channel":"STORE","need":"RELATIONSHIP","brandType":"BRANDED"}]}"""
                .formatted(journey)).post("/api/v1/experience/journeys").then().statusCode(201);
        ZonedDateTime now = ZonedDateTime.now(ZONE);
        // the visit's half hour, all of it today in the business's zone (last seen today, however late the run)
        ZonedDateTime visit = now.minusMinutes(30).isBefore(now.toLocalDate().atStartOfDay(ZONE))
                ? now.toLocalDate().atStartOfDay(ZONE) : now.minusMinutes(30);
        Duration step = Duration.between(visit, now).dividedBy(3);
        given().auth().oauth2(desk).contentType(ContentType.JSON).body("""
                {"visitId":"T-%s","journeyCode":"%s","customerId":"%s","store":"s1","recordedBy":"STAFF","entries":[
                 {"touchPointCode":"welcome","score":1,"occurredAt":"%s"},
                 {"touchPointCode":"queue","score":-3,"occurredAt":"%s","note":"Waited 25 minutes"},
                 {"touchPointCode":"farewell","score":1,"occurredAt":"%s"}]}"""
                .formatted(digits, journey, her, iso(visit), iso(visit.plus(step)), iso(visit.plus(step.multipliedBy(2)))))
                .post("/api/v1/experience/logs").then().statusCode(201);
        // customer-service learns her usual order from the sales' SKUs, through Kafka
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(desk)
                .get("/api/v1/customers/" + her + "/preferences").then().body("items.key", hasItem("usualOrder")));

        // her visit reaches customer-service (last seen today) through Kafka too
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(desk)
                .queryParam("phone", "139 " + digits.substring(0, 4) + "-" + digits.substring(4))
                .get("/api/v1/card").then().statusCode(200)
                .body("customerId", equalTo(her))
                .body("unavailable", empty())
                .body("customer.salutation", equalTo("Ms. Lin"))
                .body("customer.upcomingDates[0].kind", equalTo("BIRTHDAY"))
                .body("customer.upcomingDates[0].inDays", equalTo(3))
                .body("customer.likes.key", contains("seat", "usualOrder"))
                .body("customer.likes.source", contains("STATED", "OBSERVED"))
                .body("customer.likes[1].value", equalTo("LATTE"))
                .body("customer.daysSinceLastSeen", equalTo(0))
                .body("customer.consent.marketing", equalTo(false))
                .body("value.period", equalTo(last.toString())).body("value.level", equalTo("MEDIUM"))
                .body("value.previousPeriod", equalTo(before.toString())).body("value.previousLevel", equalTo("BIG"))
                .body("value.direction", equalTo("DOWN"))
                .body("value.rfm", notNullValue())
                .body("experience.lastVisit.remembered", equalTo(-1.0f))
                .body("experience.complaints.open", equalTo(1))
                .body("experience.complaints.oldest.severity", equalTo("HIGH"))
                // DEVELOP (40, marketing) would come fifth: her denied consent leaves it out
                .body("actions.code", contains("APOLOGISE", "WISH_DATE", "WIN_BACK", "DELIGHT", "OFFER_USUAL"))
                .body("actions.section", contains("experience", "customer", "value", "value", "customer"))
                .body("actions.priority", contains(90, 80, 70, 50, 30))
                .body("actions[2].facts.from", equalTo("BIG")).body("actions[2].facts.to", equalTo("MEDIUM"))
                .body("actions[4].text", equalTo("Offer the usual without asking: seat window-2; usualOrder LATTE.")));
        given().auth().oauth2(desk).get("/api/v1/customers/" + her + "/card").then().statusCode(200)
                .body("customerId", equalTo(her))
                .body("actions.code", contains("APOLOGISE", "WISH_DATE", "WIN_BACK", "DELIGHT", "OFFER_USUAL"));

        // Once she grants marketing consent, the Develop offer takes the fifth place.
        given().auth().oauth2(desk).contentType(ContentType.JSON).body("{\"status\":\"GRANTED\",\"source\":\"front desk\"}")
                .put("/api/v1/customers/" + her + "/consents/MARKETING").then().statusCode(200);
        given().auth().oauth2(desk).get("/api/v1/customers/" + her + "/card").then().statusCode(200)
                .body("actions.code", contains("APOLOGISE", "WISH_DATE", "WIN_BACK", "DELIGHT", "DEVELOP"))
                .body("actions[4].purpose", equalTo("MARKETING"));

        given().auth().oauth2(Keys.of(system, "analyst")).get("/api/v1/customers/" + her + "/card").then()
                .statusCode(403);
    }

    @Test
    void withExperienceServiceDownTheCardStillAnswersWithTheOtherSections() throws Exception {
        String guest = register("{\"displayName\":\"Quiet Guest\",\"salutation\":\"Mr. Wu\"}");
        awaitKnownToSegmentation(guest);
        int port = system.gatewayWithout("experience-service");
        given().port(port).auth().oauth2(desk).get("/api/v1/customers/" + guest + "/card").then().statusCode(200)
                .body("customerId", equalTo(guest))
                .body("customer.salutation", equalTo("Mr. Wu"))
                .body("value.known", equalTo(true))
                .body("experience", nullValue())
                .body("unavailable.section", contains("experience"))
                .body("unavailable[0].reason", equalTo("experience-service is not available"));
    }

    private static String register(String profile) {
        return given().auth().oauth2(desk).contentType(ContentType.JSON).body(profile).post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");
    }

    private static void awaitKnownToSegmentation(String customer) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(desk)
                .get("/api/v1/segments/customers/" + customer).then().statusCode(200));
    }

    private static void sale(String customer, YearMonth month, String price) {
        given().auth().oauth2(till).contentType(ContentType.JSON).body("""
                {"source":"till-1","externalId":"card-%s","customerId":"%s","occurredAt":"%sT02:00:00Z",
                 "store":"s1","channel":"STORE","currency":"CNY","attributes":{"seat":"bar-1"},
                 "lines":[{"sku":"LATTE","description":"Latte","category":"FOOD","quantity":1,"unitPrice":%s,"unitCost":1.00}]}"""
                .formatted(UUID.randomUUID(), customer, month.atDay(10), price))
                .post("/api/v1/transactions").then().statusCode(201);
    }

    private static void close(YearMonth month) {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"period\":\"" + month + "\"}")
                .post("/api/v1/segments/periods").then().statusCode(201);
    }

    private static String iso(ZonedDateTime at) {
        return at.withNano(0).format(DateTimeFormatter.ISO_INSTANT);
    }
}
