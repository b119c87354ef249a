package crm.experience.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import crm.events.Topics;
import crm.testing.CrmTestResources;
import crm.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class SurveyIT {
    private static final String SIXTH = """
            {"code":"q6","text":"Anything else?","type":"YES_NO"}""";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void fiveQuestionsAreASurveyASixthIsRejected() {
        String id = Voice.survey(null);
        given().get("/api/v1/experience/surveys/" + id).then().statusCode(200)
                .body("questions.code", contains("q1", "q2", "q3", "q4", "q5"))
                .body("questions[0].role", equalTo("SATISFACTION"))
                .body("questions[4].options", contains("LESS", "EQUAL", "MORE"));
        define("{\"name\":\"Too long\",\"questions\":[" + Voice.FIVE_QUESTIONS + "," + SIXTH + "]}")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("questions"))
                .body("errors[0].message", containsString("at most 5 questions"));
        given().get("/api/v1/experience/surveys/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void rolesTypesAndOptionsAreChecked() {
        define(questions("""
                {"code":"a","text":"Rate us","type":"SCALE_0_10","role":"SATISFACTION"}"""))
                .statusCode(400).body("errors.field", contains("questions[0].role"));
        define(questions("""
                {"code":"a","text":"Recommend?","type":"SCALE_1_5","role":"NPS"}"""))
                .statusCode(400).body("errors.field", contains("questions[0].role"));
        define(questions("""
                {"code":"a","text":"Rate us","type":"SCALE_1_5","role":"SATISFACTION"},
                {"code":"b","text":"And now?","type":"SCALE_1_5","role":"SATISFACTION"}"""))
                .statusCode(400).body("errors.field", contains("questions[1].role"));
        define(questions("""
                {"code":"a","text":"Rate us","type":"SCALE_1_5"},{"code":"a","text":"Again","type":"YES_NO"}"""))
                .statusCode(400).body("errors.field", contains("questions[1].code"));
        define(questions("""
                {"code":"a","text":"Price?","type":"SINGLE_CHOICE","options":["ONLY"]}"""))
                .statusCode(400).body("errors.field", contains("questions[0].options"));
        define(questions("""
                {"code":"a","text":"Rate us","type":"SCALE_1_5","options":["X","Y"]}"""))
                .statusCode(400).body("errors.field", contains("questions[0].options"));
        define(questions("""
                {"code":"a","text":"Rate us","type":"SCALE_7"}"""))
                .statusCode(400).body("errors.field", contains("questions[0].type"));
        define("{\"name\":\"Empty\",\"questions\":[]}").statusCode(400).body("errors.field", contains("questions"));
        define("{\"name\":\"Nowhere\",\"journeyCode\":\"no-such-journey\",\"questions\":[" + Voice.FIVE_QUESTIONS + "]}")
                .statusCode(400).body("errors.field", contains("journeyCode"));
    }

    @Test
    void everyBadAnswerIsNamed() {
        String survey = Voice.survey(null);
        expectInvalid(survey, "{\"q1\":\"five\"}", "answers.q1", "must be a whole number from 1 to 5");
        expectInvalid(survey, "{\"q1\":4.5}", "answers.q1", "must be a whole number from 1 to 5");
        expectInvalid(survey, "{\"q1\":6}", "answers.q1", "is out of range: must be from 1 to 5");
        expectInvalid(survey, "{\"q1\":0}", "answers.q1", "is out of range: must be from 1 to 5");
        expectInvalid(survey, "{\"q1\":3,\"q2\":11}", "answers.q2", "is out of range: must be from 0 to 10");
        expectInvalid(survey, "{\"q1\":3,\"q5\":\"CHEAP\"}", "answers.q5", "'CHEAP' is not one of the options [LESS, EQUAL, MORE]");
        expectInvalid(survey, "{\"q1\":3,\"q5\":1}", "answers.q5", "must be one of the options [LESS, EQUAL, MORE]");
        expectInvalid(survey, "{\"q1\":3,\"q9\":1}", "answers.q9", "is not a question of this survey");
        expectInvalid(survey, "{\"q2\":9}", "answers.q1", "is required");
        expectInvalid(survey, "{\"q1\":null}", "answers.q1", "is required");
        Voice.answer(survey, "{\"answers\":{\"q1\":7,\"q2\":\"ten\"}}").statusCode(400)
                .body("errors.field", contains("answers.q1", "answers.q2"));
        Voice.answer(survey, "{\"answeredAt\":\"yesterday\",\"answers\":{\"q1\":3}}").statusCode(400)
                .body("errors.field", contains("answeredAt"));
        Voice.answer(survey, "{\"answeredAt\":\"2999-01-01T00:00:00Z\",\"answers\":{\"q1\":3}}").statusCode(400)
                .body("errors.field", contains("answeredAt"));
        Voice.answer(survey, "{\"answeredAt\":\"1999-12-31T23:59:59Z\",\"answers\":{\"q1\":3}}").statusCode(400)
                .body("errors.field", contains("answeredAt"))
                .body("errors.message", contains("must not be before 2000-01-01T00:00:00Z"));
        Voice.answer(survey, "{\"answers\":{\"q1\":3},\"comment\":\"cold\\u0008\"}").statusCode(400)
                .body("errors.field", contains("comment"));
        Voice.answer(survey, "{}").statusCode(400).body("errors.field", contains("answers"));
        Voice.answer(UUID.randomUUID().toString(), "{\"answers\":{\"q1\":3}}").statusCode(404);
        given().queryParam("from", "2001-01-01T00:00:00Z").get("/api/v1/experience/surveys/" + survey + "/results")
                .then().statusCode(200).body("responses", equalTo(0));
    }

    @Test
    void aRetryRecordsOnceAndPublishesOnce() {
        String survey = Voice.survey(null);
        UUID customer = UUID.randomUUID();
        UUID responseId = UUID.randomUUID();
        String body = """
                {"responseId":"%s","customerId":"%s","answers":{"q1":4,"q2":9,"q5":"EQUAL"},"comment":"Lovely terrace, Mrs. Li"}"""
                .formatted(responseId, customer);
        try (TopicReader topic = new TopicReader(bootstrap, Topics.EXPERIENCE)) {
            Voice.answer(survey, body).statusCode(201)
                    .header("Location", "/api/v1/experience/surveys/" + survey + "/responses/" + responseId)
                    .body("responseId", equalTo(responseId.toString()))
                    .body("satisfaction", equalTo(4)).body("nps", equalTo(9)).body("expectation", nullValue())
                    .body("answers.q5", equalTo("EQUAL")).body("complaintId", nullValue());
            Voice.answer(survey, body).statusCode(200).body("responseId", equalTo(responseId.toString()));
            Voice.answer(survey, body.replace("\"q1\":4,\"q2\":9", "\"q2\":9,\"q1\":4")).statusCode(200)
                    .body("responseId", equalTo(responseId.toString()));
            Voice.answer(survey, body.replace("\"q1\":4", "\"q1\":5")).statusCode(409)
                    .body("errors.field", contains("responseId"));

            String keyed = "{\"customerId\":\"" + customer + "\",\"answers\":{\"q1\":3}}";
            String first = given().contentType(ContentType.JSON).header("Idempotency-Key", "till-7-" + responseId).body(keyed)
                    .post("/api/v1/experience/surveys/" + survey + "/responses").then().statusCode(201)
                    .extract().path("responseId");
            given().contentType(ContentType.JSON).header("Idempotency-Key", "till-7-" + responseId).body(keyed)
                    .post("/api/v1/experience/surveys/" + survey + "/responses").then().statusCode(200)
                    .body("responseId", equalTo(first));
            given().contentType(ContentType.JSON).header("Idempotency-Key", "till-7-" + responseId)
                    .body(keyed.replace("\"q1\":3", "\"q1\":2"))
                    .post("/api/v1/experience/surveys/" + survey + "/responses").then().statusCode(409)
                    .body("errors.field", contains("Idempotency-Key"));

            List<String> events = topic.awaitValues(customer.toString(), 2);
            assertEquals(2, topic.values(customer.toString()).size(), "one event per recorded response");
            JsonPath event = new JsonPath(events.get(0));
            assertEquals("crm.SurveyAnswered", event.getString("type"));
            assertEquals(customer.toString(), event.getString("subject"));
            assertEquals(responseId.toString(), event.getString("data.responseId"));
            assertEquals(survey, event.getString("data.surveyId"));
            assertEquals(4, event.getInt("data.satisfaction"));
            assertEquals(9, event.getInt("data.nps"));
            assertFalse(events.get(0).contains("terrace"), "no free text in events");
        }
        given().get("/api/v1/experience/surveys/" + survey + "/responses/" + responseId).then().statusCode(200)
                .body("comment", equalTo("Lovely terrace, Mrs. Li"));
        given().get("/api/v1/experience/surveys/" + UUID.randomUUID() + "/responses/" + responseId).then().statusCode(404);
    }

    @Test
    void resultsOfAKnownDataSet() {
        String survey = Voice.survey(null);
        // satisfaction 5,5,5,4,3,2,1,1; NPS 10,9,9,8,7,6,3,0; expectation/experience on four responses
        String[] answers = {
            "\"q1\":5,\"q2\":10,\"q3\":3,\"q4\":5", "\"q1\":5,\"q2\":9,\"q3\":4,\"q4\":5", "\"q1\":5,\"q2\":9",
            "\"q1\":4,\"q2\":8,\"q3\":4,\"q4\":4", "\"q1\":3,\"q2\":7", "\"q1\":2,\"q2\":6,\"q3\":5,\"q4\":2",
            "\"q1\":1,\"q2\":3", "\"q1\":1,\"q2\":0"};
        for (int i = 0; i < answers.length; i++) {
            Voice.answer(survey, "{\"answeredAt\":\"2001-03-0" + (i + 1) + "T10:00:00Z\",\"answers\":{" + answers[i] + "}}")
                    .statusCode(201);
        }
        Voice.answer(survey, "{\"answeredAt\":\"2001-04-01T10:00:00Z\",\"answers\":{\"q1\":1}}").statusCode(201);

        given().config(Voice.EXACT).queryParam("from", "2001-03-01T00:00:00Z").queryParam("to", "2001-04-01T00:00:00Z")
                .get("/api/v1/experience/surveys/" + survey + "/results").then().statusCode(200)
                .body("responses", equalTo(8))
                .body("satisfaction.answers", equalTo(8))
                .body("satisfaction.distribution.count", contains(2, 1, 1, 1, 3))
                .body("satisfaction.distribution.label", contains("outraged", "unhappy", "satisfied", "pleased", "dazzled"))
                .body("satisfaction.distribution[4].share", equalTo(new BigDecimal("0.3750")))
                .body("satisfaction.shareOf5", equalTo(new BigDecimal("0.3750")))
                .body("satisfaction.shareOf1To2", equalTo(new BigDecimal("0.3750")))
                // (5+5+5+4+3+2+1+1) / 8 = 3.25
                .body("satisfaction.mean", equalTo(new BigDecimal("3.25")))
                // promoters 3, passives 2 (8, 7), detractors 3 (6, 3, 0): (3 − 3) / 8 = 0
                .body("nps.promoters", equalTo(3)).body("nps.passives", equalTo(2)).body("nps.detractors", equalTo(3))
                .body("nps.score", equalTo(new BigDecimal("0.00")))
                // gaps +2, +1, 0, −3: mean 0
                .body("gap.answers", equalTo(4))
                .body("gap.mean", equalTo(new BigDecimal("0.00")));

        // only the first three days: 5, 5, 5; NPS 10, 9, 9 = 100; gaps +2, +1 = 1.50
        given().config(Voice.EXACT).queryParam("from", "2001-03-01T00:00:00Z").queryParam("to", "2001-03-04T00:00:00Z")
                .get("/api/v1/experience/surveys/" + survey + "/results").then().statusCode(200)
                .body("responses", equalTo(3))
                .body("satisfaction.shareOf5", equalTo(new BigDecimal("1.0000")))
                .body("satisfaction.shareOf1To2", equalTo(new BigDecimal("0.0000")))
                .body("nps.score", equalTo(new BigDecimal("100.00")))
                .body("gap.mean", equalTo(new BigDecimal("1.50")));

        // seven NPS answers of which 3 promoters and 2 detractors: (3 − 2) × 100 / 7 = 14.29
        given().config(Voice.EXACT).queryParam("from", "2001-03-01T00:00:00Z").queryParam("to", "2001-03-08T00:00:00Z")
                .get("/api/v1/experience/surveys/" + survey + "/results").then()
                .body("nps.answers", equalTo(7)).body("nps.score", equalTo(new BigDecimal("14.29")));

        given().queryParam("from", "2001-04-01T00:00:00Z").queryParam("to", "2001-03-01T00:00:00Z")
                .get("/api/v1/experience/surveys/" + survey + "/results").then().statusCode(400)
                .body("errors.field", contains("from"));
        given().queryParam("from", "March").get("/api/v1/experience/surveys/" + survey + "/results").then()
                .statusCode(400).body("errors.field", contains("from"));
    }

    @Test
    void eligibilityFollowsTheQuietPeriodAndOpenComplaints() {
        String survey = Voice.survey(null);
        UUID fresh = UUID.randomUUID();
        eligibility(survey, fresh).body("ask", equalTo(true)).body("reasons", empty());

        UUID answeredLongAgo = UUID.randomUUID();
        answerAt(survey, answeredLongAgo, Instant.now().minus(Duration.ofDays(31)));
        eligibility(survey, answeredLongAgo).body("ask", equalTo(true));

        UUID answeredRecently = UUID.randomUUID();
        answerAt(survey, answeredRecently, Instant.now().minus(Duration.ofDays(29)));
        eligibility(survey, answeredRecently).body("ask", equalTo(false))
                .body("reasons.code", contains("QUIET_PERIOD"))
                .body("quietUntil", not(nullValue()));

        UUID complainer = UUID.randomUUID();
        String complaint = Voice.complaint(complainer, "LOW");
        eligibility(survey, complainer).body("ask", equalTo(false)).body("reasons.code", contains("OPEN_COMPLAINT"))
                .body("reasons[0].message", containsString(complaint));
        Voice.move(complaint, "{\"to\":\"ACKNOWLEDGED\"}").statusCode(200);
        Voice.move(complaint, "{\"to\":\"RESOLVED\",\"note\":\"Refunded\"}").statusCode(200);
        eligibility(survey, complainer).body("ask", equalTo(false)).body("reasons.code", contains("OPEN_COMPLAINT"));
        Voice.move(complaint, "{\"to\":\"CLOSED\",\"outcome\":\"RECOVERED\"}").statusCode(200);
        eligibility(survey, complainer).body("ask", equalTo(true));

        given().get("/api/v1/experience/surveys/" + survey + "/eligibility").then().statusCode(400)
                .body("errors.field", contains("customerId"));
        given().queryParam("customerId", "guest-7").get("/api/v1/experience/surveys/" + survey + "/eligibility").then()
                .statusCode(400).body("errors.field", hasItem("customerId"));
    }

    private static void answerAt(String survey, UUID customer, Instant at) {
        Voice.answer(survey, "{\"customerId\":\"" + customer + "\",\"answeredAt\":\"" + at + "\",\"answers\":{\"q1\":4}}")
                .statusCode(201);
    }

    private static ValidatableResponse eligibility(String survey, UUID customer) {
        return given().queryParam("customerId", customer.toString())
                .get("/api/v1/experience/surveys/" + survey + "/eligibility").then().statusCode(200);
    }

    private static void expectInvalid(String survey, String answers, String field, String message) {
        Voice.answer(survey, "{\"answers\":" + answers + ",\"comment\":\"x\"}").statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains(field))
                .body("errors[0].message", equalTo(message));
    }

    private static String questions(String questions) {
        return "{\"name\":\"Bad\",\"questions\":[" + questions + "]}";
    }

    private static ValidatableResponse define(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/experience/surveys").then();
    }
}
