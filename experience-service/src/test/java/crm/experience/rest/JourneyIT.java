package crm.experience.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import crm.experience.service.JourneyService;
import crm.rest.ProblemException;
import crm.testing.CrmTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class JourneyIT {
    private static final String PATH = "/api/v1/experience/journeys";

    @Inject
    JourneyService journeys;

    @Test
    void theFurnitureStoreJourneyHasTwentyTouchPointsInOrder() {
        String code = Journeys.furnitureStore();
        given().get(PATH + "/" + code).then().statusCode(200)
                .body("version", equalTo(1))
                .body("autoComplaints", equalTo(true))
                .body("touchPoints", hasSize(20))
                .body("touchPoints[15].code", equalTo("carrying-items"))
                .body("touchPoints[15].brandType", equalTo("OFF_BRAND"))
                .body("touchPoints[19].code", equalTo("ice-cream"))
                .body("touchPoints[19].position", equalTo(19));
        given().contentType(ContentType.JSON).body(Journeys.json("furniture-store-journey.json", code)).post(PATH)
                .then().statusCode(409).contentType("application/problem+json").body("errors.field", hasItem("code"));
    }

    @Test
    void aChangeIsANewVersionAndTheOldOneStaysReadable() {
        String code = Journeys.cafe();
        String changed = Journeys.json("cafe-journey.json", code)
                .replace("\"name\":\"Café visit\"", "\"name\":\"Café visit\",\"autoComplaints\":false")
                .replace("{\"code\":\"seating\",\"name\":\"Seating\",\"channel\":\"STORE\",\"need\":\"CONVENIENCE\",\"brandType\":\"UNBRANDED\"},", "")
                .replace("]}", ",{\"code\":\"app-review\",\"name\":\"Review in the app\",\"channel\":\"APP\",\"need\":\"RELATIONSHIP\",\"brandType\":\"BRANDED\"}]}");
        given().contentType(ContentType.JSON).body(changed).put(PATH + "/" + code).then().statusCode(201)
                .header("Location", equalTo(PATH + "/" + code + "?version=2"))
                .body("version", equalTo(2)).body("autoComplaints", equalTo(false))
                .body("touchPoints.code", contains("location", "welcome", "decor", "queue", "price", "variety", "staff",
                        "taste", "farewell", "app-review"));
        given().contentType(ContentType.JSON).body(changed).put(PATH + "/" + code).then().statusCode(200)
                .body("version", equalTo(2));
        given().get(PATH + "/" + code).then().body("version", equalTo(2));
        given().queryParam("version", 1).get(PATH + "/" + code).then().statusCode(200)
                .body("version", equalTo(1)).body("touchPoints.code", contains(Journeys.CAFE.toArray()));
        given().queryParam("version", 3).get(PATH + "/" + code).then().statusCode(404);
        given().queryParam("version", "two").get(PATH + "/" + code).then().statusCode(400)
                .body("errors.field", hasItem("version"));
        given().queryParam("size", 100).get(PATH).then().statusCode(200)
                .body("items.findAll { it.code == '" + code + "' }.version", contains(2));
        assertFalse(journeys.autoComplaints(code));
    }

    @Test
    void otherRulesAskWhetherAJourneyExists() {
        String code = Journeys.cafe();
        assertEquals(true, journeys.autoComplaints(code));
        journeys.requireJourney(code);
        ProblemException unknown = assertThrows(ProblemException.class, () -> journeys.autoComplaints("no-such-journey"));
        assertEquals(404, unknown.status().getStatusCode());
        assertEquals("journeyCode", assertThrows(ProblemException.class, () -> journeys.requireJourney("no-such-journey"))
                .errors().get(0).field());
    }

    @Test
    void badJourneysAre400NamingTheFieldOrUnknown404() {
        String code = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        String good = Journeys.json("cafe-journey.json", code);
        expect400(good.replace("\"code\":\"decor\"", "\"code\":\"welcome\""), "touchPoints[2].code");
        expect400(good.replace("\"channel\":\"STORE\",\"need\":\"PRICE\"", "\"channel\":\"SHOP\",\"need\":\"PRICE\""),
                "touchPoints[4].channel");
        expect400(good.replace("\"need\":\"IMAGE\"", "\"need\":null"), "touchPoints[2].need");
        expect400(good.replace("\"code\":\"" + code + "\"", "\"code\":\"a b\""), "code");
        expect400(good.replace("\"name\":\"Café visit\"", "\"name\":\" \""), "name");
        expect400(good.replace("\"code\":\"" + code + "\",", ""), "code");
        given().get(PATH + "/" + code).then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(good).put(PATH + "/" + code).then().statusCode(404);
        given().contentType(ContentType.JSON).body(good).put(PATH + "/other-code").then().statusCode(400)
                .body("errors.field", hasItem("code"));
    }

    private static void expect400(String body, String field) {
        given().contentType(ContentType.JSON).body(body).post(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }
}
