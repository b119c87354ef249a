package crm.customer.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import crm.testing.CrmTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Every list is paged alike, a page past the end is empty, search text is literal, bad parameters are 400s. */
@QuarkusTest
@WithTestResource(CrmTestResources.class)
class GuardRailsIT {
    private static final String UUID_MESSAGE = "must be a UUID, e.g. 6f1c2a9e-5b1d-4c1e-9a57-3f0f5a1f2b11";

    @Test
    void theLastPageNumberOfAnyListIsAnEmptyPageNotAnError() {
        String owner = "owner-" + UUID.randomUUID();
        Customers.register("{\"displayName\":\"Paged One\",\"ownerId\":\"" + owner + "\"}");
        Customers.register("{\"displayName\":\"Paged Two\",\"ownerId\":\"" + owner + "\"}");
        given().queryParam("ownerId", owner).queryParam("page", 2147483647).queryParam("size", 100)
                .get("/api/v1/customers").then().statusCode(200)
                .body("items", empty()).body("page", equalTo(2147483647)).body("size", equalTo(100))
                .body("total", equalTo(2));
        String customer = Customers.register("{\"displayName\":\"Paged Three\"}");
        for (String list : new String[] {"/api/v1/customers/birthdays", "/api/v1/customers/absent",
                "/api/v1/customers/" + customer + "/identifiers", "/api/v1/customers/" + customer + "/relationships",
                "/api/v1/customers/" + customer + "/preferences"}) {
            given().queryParam("page", 2147483647).queryParam("size", 100).get(list).then().statusCode(200)
                    .body("items", empty()).body("page", equalTo(2147483647)).body("size", equalTo(100));
            badParameter(list + "?page=-1", "page", "must be 0 or more");
            badParameter(list + "?size=101", "size", "must be between 1 and 100");
            badParameter(list + "?size=0", "size", "must be between 1 and 100");
            badParameter(list + "?page=first", "page", "must be a whole number between -2147483648 and 2147483647");
        }
    }

    @Test
    void birthdaysArePagedSoonestFirstThenByName() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        // A day no other test gives a birthday: these three are the last of the window, by name.
        LocalDate day = today.plusDays(251);
        String tag = Long.toString(System.nanoTime(), 36);
        String c = register("Ccc " + tag, day);
        String a = register("Aaa " + tag, day);
        String b = register("Bbb " + tag, day);
        int total = given().queryParam("withinDays", 251).queryParam("size", 1).get("/api/v1/customers/birthdays")
                .then().statusCode(200).body("items", hasSize(1)).extract().path("total");
        String[] expected = {a, b, c};
        for (int i = 0; i < 3; i++) {
            given().queryParam("withinDays", 251).queryParam("page", total - 3 + i).queryParam("size", 1)
                    .get("/api/v1/customers/birthdays").then().statusCode(200)
                    .body("items.customer.id", contains(expected[i]))
                    .body("items[0].nextBirthday", equalTo(day.toString()))
                    .body("total", equalTo(total));
        }
        given().queryParam("withinDays", 250).queryParam("size", 1).get("/api/v1/customers/birthdays").then()
                .body("total", equalTo(total - 3));
    }

    private static String register(String name, LocalDate birthday) {
        return Customers.register("{\"displayName\":\"%s\",\"birthday\":\"%s\"}".formatted(name, birthday.withYear(1990)));
    }

    @Test
    void aCustomersIdentifiersArePagedByKindThenValue() {
        String digits = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String id = Customers.register("""
                {"displayName":"Three Ways","phone":"139%s","email":"three.%s@example.com"}""".formatted(digits, digits));
        String card = "LC" + digits + "7";
        given().contentType(ContentType.JSON).body("{\"kind\":\"LOYALTY_CARD\",\"value\":\"" + card + "\"}")
                .post("/api/v1/customers/" + id + "/identifiers").then().statusCode(201);
        given().queryParam("size", 2).get("/api/v1/customers/" + id + "/identifiers").then().statusCode(200)
                .body("items.kind", contains("EMAIL", "LOYALTY_CARD"))
                .body("items.value", contains("three." + digits + "@example.com", card))
                .body("page", equalTo(0)).body("size", equalTo(2)).body("total", equalTo(3));
        given().queryParam("page", 1).queryParam("size", 2).get("/api/v1/customers/" + id + "/identifiers").then()
                .statusCode(200).body("items.value", contains("+86139" + digits)).body("total", equalTo(3));
        given().get("/api/v1/customers/" + UUID.randomUUID() + "/identifiers").then().statusCode(404);
    }

    @Test
    void aCustomersRelationshipsArePagedOldestFirst() {
        String a = Customers.register("{\"displayName\":\"Hub\"}");
        String b = Customers.register("{\"displayName\":\"Spoke B\"}");
        String c = Customers.register("{\"displayName\":\"Spoke C\"}");
        String ab = relate(a, b, "FAMILY");
        String ca = relate(c, a, "REFERRED_BY");
        given().get("/api/v1/customers/" + a + "/relationships").then().statusCode(200)
                .body("items.id", contains(ab, ca)).body("total", equalTo(2)).body("size", equalTo(20));
        given().queryParam("page", 1).queryParam("size", 1).get("/api/v1/customers/" + a + "/relationships").then()
                .body("items.id", contains(ca)).body("items[0].fromCustomerId", equalTo(c))
                .body("items[0].type", equalTo("REFERRED_BY")).body("total", equalTo(2));
        given().get("/api/v1/customers/" + b + "/relationships").then().body("items.id", contains(ab))
                .body("total", equalTo(1));
    }

    static String relate(String from, String to, String type) {
        return given().contentType(ContentType.JSON).body("{\"toCustomerId\":\"" + to + "\",\"type\":\"" + type + "\"}")
                .post("/api/v1/customers/" + from + "/relationships").then().statusCode(201).extract().path("id");
    }

    @Test
    void searchTextIsMatchedLiterally() {
        String owner = "owner-" + UUID.randomUUID();
        String underscores = owner("Under__Score", owner);
        String percents = owner("Fifty%%Off", owner);
        String backslash = owner("Back\\\\_Slash", owner);
        owner("Plain Name", owner);
        search("__", owner).body("items.id", contains(underscores)).body("total", equalTo(1));
        search("%%", owner).body("items.id", contains(percents)).body("total", equalTo(1));
        search("\\_", owner).body("items.id", contains(backslash)).body("total", equalTo(1));
        search("%_", owner).body("items", empty()).body("total", equalTo(0));
        given().queryParam("ownerId", owner).get("/api/v1/customers").then().body("total", equalTo(4));
    }

    private static String owner(String name, String owner) {
        return Customers.register("{\"displayName\":\"%s\",\"ownerId\":\"%s\"}".formatted(name, owner));
    }

    private static io.restassured.response.ValidatableResponse search(String q, String owner) {
        return given().queryParam("q", q).queryParam("ownerId", owner).get("/api/v1/customers").then().statusCode(200);
    }

    @Test
    void aSearchShorterThanTwoCharactersIsA400NamingQ() {
        badParameter("/api/v1/customers?q=_", "q", "must be at least 2 characters");
        badParameter("/api/v1/customers?q=%25", "q", "must be at least 2 characters");
        badParameter("/api/v1/customers?q=+w+", "q", "must be at least 2 characters");
        given().queryParam("q", "王伟").get("/api/v1/customers").then().statusCode(200);
    }

    @Test
    void aBadQueryOrPathParameterIsA400NamingIt() {
        String id = Customers.register("{\"displayName\":\"Bad Params\"}");
        badParameter("/api/v1/customers?kind=ALIEN", "kind",
                "must be one of [CONSUMER, GOVERNMENT, MEDIA, COMMUNITY, SCHOOL, PARTNER, INTERNAL]");
        badParameter("/api/v1/customers?influenceClass=D", "influenceClass", "must be one of [A, B, C]");
        badParameter("/api/v1/customers/not-a-uuid", "id", UUID_MESSAGE);
        badParameter("/api/v1/customers/1-1-1-1-1/network", "id", UUID_MESSAGE);
        badParameter("/api/v1/customers/" + id + "/network?depth=deep", "depth",
                "must be a whole number between -2147483648 and 2147483647");
        badParameter("/api/v1/customers/birthdays?withinDays=99999999999", "withinDays",
                "must be a whole number between -2147483648 and 2147483647");
        given().delete("/api/v1/customers/" + id + "/identifiers/FAX/123").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("kind"))
                .body("errors[0].message", equalTo("must be one of [PHONE, EMAIL, LOYALTY_CARD, MEMBERSHIP, EXTERNAL, LICENSE_PLATE]"));
        given().delete("/api/v1/customers/" + id + "/relationships/nope").then().statusCode(400)
                .body("errors.field", contains("relationshipId"));
    }

    static void badParameter(String path, String field, String message) {
        given().urlEncodingEnabled(false).get(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field)).body("errors[0].message", equalTo(message))
                .body("detail", equalTo(field + ": " + message));
    }
}
