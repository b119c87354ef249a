package crm.experience.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import crm.testing.CrmTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class MomentsOfTruthIT {

    /**
     * Five October café visits (peak; end): queue −3 (queue; farewell), taste +3 (taste; farewell), taste −2 of
     * −2/+2/−2/+2 (taste; farewell), queue −3 of −3/+3 (queue; taste), all neutral (none; queue); and one in
     * November, outside the window.
     */
    @Test
    void touchPointsAreRankedByNegativePeaksThenPositivePeaksThenEnds() {
        String journey = Journeys.cafe();
        Logs.log(journey, null, null, "2026-10-01T09:00:00Z", "welcome", 1, "queue", -3, "taste", 2, "farewell", 1);
        Logs.log(journey, null, null, "2026-10-02T09:00:00Z", "welcome", 2, "queue", -2, "taste", 3, "farewell", 0);
        Logs.log(journey, null, null, "2026-10-03T09:00:00Z", "welcome", -2, "queue", 2, "taste", -2, "farewell", 2);
        Logs.log(journey, null, null, "2026-10-04T09:00:00Z", "queue", -3, "taste", 3);
        Logs.log(journey, null, null, "2026-10-05T09:00:00Z", "welcome", 0, "queue", 0);
        Logs.log(journey, null, null, "2026-11-05T09:00:00Z", "welcome", -3, "farewell", -3);

        given().queryParam("from", "2026-10-01T00:00:00Z").queryParam("to", "2026-11-01T00:00:00Z")
                .get("/api/v1/experience/journeys/" + journey + "/moments-of-truth").then().statusCode(200)
                .body("visits", equalTo(5)).body("negativePeaks", equalTo(3))
                .body("touchPoints.touchPointCode", contains("queue", "taste", "farewell", "location", "welcome", "decor",
                        "price", "variety", "staff", "seating"))
                .body("touchPoints.negativePeaks", contains(2, 1, 0, 0, 0, 0, 0, 0, 0, 0))
                .body("touchPoints.positivePeaks", contains(0, 1, 0, 0, 0, 0, 0, 0, 0, 0))
                .body("touchPoints.ends", contains(1, 1, 3, 0, 0, 0, 0, 0, 0, 0))
                .body("touchPoints[0].negativePeakShare", equalTo(0.6667f))
                .body("touchPoints[1].negativePeakShare", equalTo(0.3333f))
                .body("touchPoints[2].negativePeakShare", equalTo(0.0f))
                .body("touchPoints[0].entries", equalTo(5)).body("touchPoints[0].mean", equalTo(-1.2f))
                .body("touchPoints[1].entries", equalTo(4)).body("touchPoints[1].mean", equalTo(1.5f))
                .body("touchPoints[2].entries", equalTo(3)).body("touchPoints[2].mean", equalTo(1.0f))
                .body("touchPoints[4].entries", equalTo(4)).body("touchPoints[4].mean", equalTo(0.25f))
                .body("touchPoints[3].entries", equalTo(0)).body("touchPoints[3].mean", nullValue());

        given().get("/api/v1/experience/journeys/" + journey + "/moments-of-truth").then().statusCode(200)
                .body("visits", equalTo(6)).body("negativePeaks", equalTo(4))
                .body("touchPoints.touchPointCode[0]", equalTo("queue"))
                .body("touchPoints.find { it.touchPointCode == 'farewell' }.negativePeaks", equalTo(1))
                .body("touchPoints.find { it.touchPointCode == 'farewell' }.ends", equalTo(4));
    }

    @Test
    void badWindowsAre400AndUnknownJourneys404() {
        String journey = Journeys.cafe();
        given().queryParam("to", "soon").get("/api/v1/experience/journeys/" + journey + "/moments-of-truth").then()
                .statusCode(400).body("errors.field", hasItem("to"));
        given().queryParam("from", "2026-10-02T00:00:00Z").queryParam("to", "2026-10-02T00:00:00Z")
                .get("/api/v1/experience/journeys/" + journey + "/moments-of-truth").then()
                .statusCode(400).body("errors.field", hasItem("from"));
        given().get("/api/v1/experience/journeys/no-such-journey/moments-of-truth").then().statusCode(404);
        given().urlEncodingEnabled(false).get("/api/v1/experience/journeys/no%00journey/moments-of-truth").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("code"));
    }
}
