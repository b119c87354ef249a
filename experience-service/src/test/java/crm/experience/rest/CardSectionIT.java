package crm.experience.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.rest.Roles;
import crm.testing.Callers;
import crm.testing.CrmTestResources;
import crm.testing.StaffToken;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class CardSectionIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTerribleQueueMakesTheCardApologiseNameTheOwnerAndHoldTheSurveyBack() throws Exception {
        UUID customer = UUID.randomUUID();
        String journey = Voice.journey(true);
        Logs.log(journey, customer, "s1", "2026-10-01T09:00:00Z", "welcome", 3);
        // peak −3 at the queue, end +1: remembered (−3 + 1) / 2 = −1.0; mean −1/3; the −3 opens a complaint
        UUID visit = Logs.log(journey, customer, "s1", "2026-10-14T09:00:00Z", "welcome", 1, "queue", -3, "farewell", 1);
        String survey = Voice.survey(null);
        JsonPath complaint = given().get("/api/v1/experience/complaints?customerId=" + customer).then().statusCode(200)
                .extract().jsonPath();
        String complaintId = complaint.getString("items[0].id");
        String openedAt = complaint.getString("items[0].openedAt");

        assertEquals(JSON.readTree("""
                {"customerId":"%1$s","known":true,
                 "lastVisit":{"visitId":"%2$s","journeyCode":"%3$s","store":"s1","startedAt":"2026-10-14T09:00:00Z",
                              "remembered":-1.0,"mean":-0.33},
                 "complaints":{"open":1,"overdue":0,"oldestOpenedAt":"%4$s",
                               "oldest":{"complaintId":"%5$s","ownerId":null,"severity":"HIGH","status":"OPEN",
                                         "respondBy":"%6$s"}},
                 "survey":{"surveyId":"%7$s","ask":false,"reasons":["OPEN_COMPLAINT"]},
                 "actions":[{"code":"APOLOGISE","priority":90,"text":"Apologise first; their complaint has no owner yet.",
                             "reason":"Their HIGH complaint is OPEN, not yet closed.",
                             "facts":{"complaintId":"%5$s","severity":"HIGH","openedAt":"%4$s","overdue":false},
                             "purpose":null}]}"""
                .formatted(customer, visit, journey, openedAt, complaintId, complaint.getString("items[0].respondBy"),
                        survey)), section(customer));

        Voice.move(complaintId, "{\"to\":\"ACKNOWLEDGED\"}").statusCode(200);
        JsonNode acknowledged = section(customer);
        assertEquals("Apologise first; " + StaffToken.NAME + " handles their complaint.",
                acknowledged.at("/actions/0/text").asText());
        assertEquals(StaffToken.NAME, acknowledged.at("/actions/0/facts/ownerId").asText());
        assertEquals("ACKNOWLEDGED", acknowledged.at("/complaints/oldest/status").asText());
        assertEquals(1, acknowledged.at("/complaints/open").asInt());

        // Once the complaint is closed, the bad visit still brings an apology, and the survey may be asked.
        Voice.move(complaintId, "{\"to\":\"RESOLVED\",\"note\":\"Free coffee\"}").statusCode(200);
        Voice.move(complaintId, "{\"to\":\"CLOSED\",\"outcome\":\"RECOVERED\"}").statusCode(200);
        JsonNode closed = section(customer);
        assertEquals(JSON.readTree("""
                {"open":0,"overdue":0,"oldestOpenedAt":null,"oldest":null}"""), closed.get("complaints"));
        assertEquals(JSON.readTree("""
                {"surveyId":"%s","ask":true,"reasons":[]}""".formatted(survey)), closed.get("survey"));
        assertEquals(JSON.readTree("""
                [{"code":"APOLOGISE_LAST_VISIT","priority":85,"text":"Apologise first; their last visit went badly.",
                  "reason":"Their last visit is remembered at -1.0 (peak and end, from -3 to +3).",
                  "facts":{"visitId":"%s","startedAt":"2026-10-14T09:00:00Z","remembered":-1.0},"purpose":null},
                 {"code":"ASK_SURVEY","priority":20,"text":"Ask the short survey at payment.",
                  "reason":"No survey answered within the quiet period and no open complaint.",
                  "facts":{"surveyId":"%s"},"purpose":null}]""".formatted(visit, survey)), closed.get("actions"));
    }

    @Test
    void aCustomerNeverHeardOfIsKnownFalseWithNoActions() throws Exception {
        UUID stranger = UUID.randomUUID();
        assertEquals(JSON.readTree("""
                {"customerId":"%s","known":false,"lastVisit":null,"complaints":null,"survey":null,"actions":[]}"""
                .formatted(stranger)), section(stranger));
    }

    @Test
    void anAnalystMayNotReadTheCardAndAMalformedIdIsNamed() {
        Callers.assertForbidden(Callers.as("analyst-1", Roles.ANALYST)
                .get("/api/v1/experience/customers/" + UUID.randomUUID() + "/card-section"),
                "This needs the role account-manager or front-desk");
        given().get("/api/v1/experience/customers/not-a-uuid/card-section").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("id"));
    }

    private static JsonNode section(UUID customer) throws Exception {
        return JSON.readTree(given().get("/api/v1/experience/customers/" + customer + "/card-section").then()
                .statusCode(200).extract().asString());
    }
}
