package crm.experience.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;

/** Test set-up for surveys and complaints, through the API. */
public final class Voice {
    /** Reads decimals as BigDecimal, so figures are compared exactly, scale included. */
    public static final RestAssuredConfig EXACT = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    /** Satisfaction (required), NPS, expectation, experience, and price versus value. */
    public static final String FIVE_QUESTIONS = """
            {"code":"q1","text":"How satisfied are you with today's visit?","type":"SCALE_1_5","required":true,"role":"SATISFACTION"},
            {"code":"q2","text":"How likely are you to recommend us?","type":"SCALE_0_10","role":"NPS"},
            {"code":"q3","text":"What did you expect?","type":"SCALE_1_5","role":"EXPECTATION"},
            {"code":"q4","text":"What did you get?","type":"SCALE_1_5","role":"EXPERIENCE"},
            {"code":"q5","text":"The price you paid was ... the value","type":"SINGLE_CHOICE","options":["LESS","EQUAL","MORE"]}""";

    private Voice() {
    }

    /** A survey of {@link #FIVE_QUESTIONS}, tied to the journey if one is given; its id. */
    public static String survey(String journeyCode) {
        String journey = journeyCode == null ? "" : "\"journeyCode\":\"" + journeyCode + "\",";
        return given().contentType(ContentType.JSON)
                .body("{\"name\":\"Exit survey\"," + journey + "\"questions\":[" + FIVE_QUESTIONS + "]}")
                .post("/api/v1/experience/surveys").then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse answer(String surveyId, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/experience/surveys/" + surveyId + "/responses").then();
    }

    /** A response of {@code customer} (null: anonymous) with this satisfaction level; its id. */
    public static String answer(String surveyId, UUID customer, int satisfaction) {
        String who = customer == null ? "" : "\"customerId\":\"" + customer + "\",";
        return answer(surveyId, "{" + who + "\"answers\":{\"q1\":" + satisfaction + "}}").statusCode(201)
                .extract().path("responseId");
    }

    /** A complaint the customer raised; its id. */
    public static String complaint(UUID customer, String severity) {
        return given().contentType(ContentType.JSON).body("""
                {"customerId":"%s","severity":"%s","channel":"STORE","description":"The latte was cold","ownerId":"staff-1"}"""
                .formatted(customer, severity))
                .post("/api/v1/experience/complaints").then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse move(String complaintId, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/experience/complaints/" + complaintId + "/transitions").then();
    }

    /** Acknowledged, resolved and closed with this outcome. */
    public static void close(String complaintId, String outcome) {
        move(complaintId, "{\"to\":\"ACKNOWLEDGED\"}").statusCode(200);
        move(complaintId, "{\"to\":\"RESOLVED\",\"note\":\"Replaced the drink\"}").statusCode(200);
        move(complaintId, "{\"to\":\"CLOSED\",\"outcome\":\"" + outcome + "\"}").statusCode(200);
    }

    /** The café journey of DOMAIN.md under a code of its own, with this autoComplaints switch; its code. */
    public static String journey(boolean autoComplaints) {
        String code = "voice-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body(Journeys.json("cafe-journey.json", code)
                        .replace("\"name\":\"Café visit\"", "\"name\":\"Café visit\",\"autoComplaints\":" + autoComplaints))
                .post("/api/v1/experience/journeys").then().statusCode(201).body("autoComplaints", equalTo(autoComplaints));
        return code;
    }
}
