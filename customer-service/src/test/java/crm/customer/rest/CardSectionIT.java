package crm.customer.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import crm.rest.Roles;
import crm.testing.CrmTestResources;
import crm.testing.Callers;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class CardSectionIT {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    AgroalDataSource db;

    @Test
    void aReturningGuestsSectionGreetsHerWishesHerBirthdayAndOffersHerUsualSeat() throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        LocalDate birthday = today.plusDays(3);
        String phone = Customers.randomMobile();
        String id = Customers.register("""
                {"displayName":"Lin Mei","salutation":"Ms. Lin","language":"zh-CN","phone":"%s","birthday":"%s",
                 "influenceClass":"A","ownerId":"am-7",
                 "importantDates":[{"kind":"ANNIVERSARY","date":"%s","label":"Wedding"}]}"""
                .formatted(phone, birthday.withYear(1988), today.plusDays(30).withYear(2015)));
        given().contentType(ContentType.JSON).body("{\"category\":\"SEAT\",\"value\":\"window-2\"}")
                .put("/api/v1/customers/" + id + "/preferences/seat").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"category\":\"FOOD\",\"value\":\"Latte\",\"source\":\"OBSERVED\"}")
                .put("/api/v1/customers/" + id + "/preferences/usualOrder").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"category\":\"CONTACT_TIME\",\"value\":\"evenings\"}")
                .put("/api/v1/customers/" + id + "/preferences/contact").then().statusCode(200);
        consent(id, "DENIED", "ANY");
        consent(id, "GRANTED", "SMS");
        lastSeen(id, "now() - interval '400 days'");

        String digits = phone.substring(phone.length() - 11);
        given().queryParam("phone", digits.substring(0, 3) + " " + digits.substring(3, 7) + "-" + digits.substring(7))
                .get("/api/v1/customers/card-section").then().statusCode(200)
                .body("customerId", equalTo(id)).body("mergedFrom", nullValue())
                .body("salutation", equalTo("Ms. Lin")).body("displayName", equalTo("Lin Mei"))
                .body("language", equalTo("zh-CN")).body("kind", equalTo("CONSUMER"))
                .body("influenceClass", equalTo("A")).body("ownerId", equalTo("am-7"))
                // stated first (by key), then observed
                .body("likes.key", contains("contact", "seat", "usualOrder"))
                .body("likes.source", contains("STATED", "STATED", "OBSERVED"))
                .body("upcomingDates.kind", contains("BIRTHDAY"))
                .body("upcomingDates[0].date", equalTo(birthday.toString()))
                .body("upcomingDates[0].inDays", equalTo(3))
                .body("daysSinceLastSeen", equalTo(400))
                .body("consent.marketing", equalTo(true)).body("consent.marketingChannels", contains("SMS"))
                .body("actions.code", contains("WISH_DATE", "OWNER_GREETS", "WELCOME_BACK", "OFFER_USUAL"))
                .body("actions.priority", contains(80, 75, 60, 30))
                .body("actions[0].text", equalTo("Wish the guest a happy birthday (on "
                        + birthday.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                        + " " + birthday + ")."))
                .body("actions[0].facts.date", equalTo(birthday.toString()))
                .body("actions[0].facts.inDays", equalTo(3))
                .body("actions[1].text", equalTo("An A-class guest: am-7 greets them personally."))
                .body("actions[2].text", equalTo("Welcome Ms. Lin back by name."))
                .body("actions[2].reason", equalTo("Not seen for 400 days."))
                .body("actions[3].text", equalTo("Offer the usual without asking: seat window-2; usualOrder Latte."))
                .body("actions[3].facts.keys", contains("seat", "usualOrder"))
                .body("actions.purpose", everyItemNull());
    }

    @Test
    void aMergedRecordAnswersWithItsSurvivorAndANewGuestHasNothingToDo() {
        String survivor = Customers.register("{\"displayName\":\"Survivor\"}");
        String duplicate = Customers.register("{\"displayName\":\"Duplicate\"}");
        given().contentType(ContentType.JSON).body("{\"duplicateId\":\"" + duplicate + "\"}")
                .post("/api/v1/customers/" + survivor + "/merge").then().statusCode(200);
        given().get("/api/v1/customers/" + duplicate + "/card-section").then().statusCode(200)
                .body("customerId", equalTo(survivor)).body("mergedFrom", equalTo(duplicate))
                .body("daysSinceLastSeen", nullValue()).body("likes", empty()).body("upcomingDates", empty())
                .body("consent.marketing", equalTo(false)).body("actions", empty());
    }

    @Test
    void unknownErasedAndBadRequestsAreProblems() {
        given().get("/api/v1/customers/" + UUID.randomUUID() + "/card-section").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/customers/not-a-uuid/card-section").then().statusCode(400)
                .body("errors.field", contains("id"));
        given().queryParam("phone", "+8613900000000").queryParam("email", "a@b.c")
                .get("/api/v1/customers/card-section").then().statusCode(400).body("errors.field", hasItem("phone"));
        given().queryParam("identifier", "SHOE_SIZE:42").get("/api/v1/customers/card-section").then().statusCode(400)
                .body("errors.field", hasItem("identifier"));
        Callers.assertForbidden(Callers.as("an-1", Roles.ANALYST).get("/api/v1/customers/" + UUID.randomUUID()
                + "/card-section"), "This needs the role account-manager or front-desk");
    }

    private static org.hamcrest.Matcher<Iterable<? extends Object>> everyItemNull() {
        return org.hamcrest.Matchers.everyItem(nullValue());
    }

    private static void consent(String id, String status, String channel) {
        given().contentType(ContentType.JSON)
                .body("{\"status\":\"%s\",\"channel\":\"%s\",\"source\":\"front desk\"}".formatted(status, channel))
                .put("/api/v1/customers/" + id + "/consents/MARKETING").then().statusCode(200);
    }

    private void lastSeen(String id, String when) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE customer SET last_seen_at = " + when + " WHERE id = ?")) {
            s.setObject(1, UUID.fromString(id));
            s.executeUpdate();
        }
    }
}
