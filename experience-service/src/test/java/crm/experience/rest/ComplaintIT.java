package crm.experience.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import crm.events.Topics;
import crm.rest.Roles;
import crm.testing.Callers;
import crm.testing.CrmTestResources;
import crm.testing.StaffToken;
import crm.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class ComplaintIT {
    private static final List<String> STEPS = List.of("OPEN", "ACKNOWLEDGED", "RESOLVED", "CLOSED");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource db;

    @Test
    void theDeadlineFollowsTheSeverity() {
        UUID customer = UUID.randomUUID();
        assertDeadline(Voice.complaint(customer, "CRITICAL"), Duration.ofHours(4));
        assertDeadline(Voice.complaint(customer, "HIGH"), Duration.ofHours(24));
        assertDeadline(Voice.complaint(customer, "MEDIUM"), Duration.ofHours(48));
        assertDeadline(Voice.complaint(customer, "LOW"), Duration.ofHours(72));
    }

    @Test
    void badComplaintsAreNamedAndRetriesOpenOnce() {
        String journey = Voice.journey(true);
        open("{\"customerId\":\"%s\",\"channel\":\"STORE\",\"description\":\"Cold\"}").statusCode(400)
                .body("errors.field", contains("severity"));
        open("{\"customerId\":\"%s\",\"severity\":\"DIRE\",\"channel\":\"STORE\",\"description\":\"Cold\"}")
                .statusCode(400).body("errors.field", contains("severity"));
        open("{\"customerId\":\"%s\",\"severity\":\"LOW\",\"channel\":\"PIGEON\",\"description\":\"Cold\"}")
                .statusCode(400).body("errors.field", contains("channel"));
        open("{\"customerId\":\"%s\",\"severity\":\"LOW\",\"channel\":\"STORE\",\"description\":\" \"}")
                .statusCode(400).body("errors.field", contains("description"));
        open("{\"severity\":\"LOW\",\"channel\":\"STORE\",\"description\":\"Cold\"}")
                .statusCode(400).body("errors.field", contains("customerId"));
        open("{\"customerId\":\"%s\",\"severity\":\"LOW\",\"channel\":\"STORE\",\"description\":\"Cold\",\"journeyCode\":\"nope\"}")
                .statusCode(400).body("errors.field", contains("journeyCode"));
        open("{\"customerId\":\"%s\",\"severity\":\"LOW\",\"channel\":\"STORE\",\"description\":\"Cold\",\"touchPointCode\":\"queue\"}")
                .statusCode(400).body("errors.field", contains("journeyCode"));
        open("{\"customerId\":\"%s\",\"severity\":\"LOW\",\"channel\":\"STORE\",\"description\":\"Cold\",\"journeyCode\":\""
                + journey + "\",\"touchPointCode\":\"parking\"}")
                .statusCode(400).body("errors.field", contains("touchPointCode"));

        String body = """
                {"customerId":"%s","journeyCode":"%s","touchPointCode":"queue","severity":"HIGH","channel":"PHONE",
                 "description":"Waited 25 minutes"}""".formatted(UUID.randomUUID(), journey);
        String key = "call-" + UUID.randomUUID();
        String id = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/experience/complaints").then().statusCode(201)
                .header("Location", containsString("/api/v1/experience/complaints/"))
                .body("status", equalTo("OPEN")).body("source", equalTo("CUSTOMER"))
                .body("touchPointCode", equalTo("queue")).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/experience/complaints").then().statusCode(200).body("id", equalTo(id));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body.replace("HIGH", "LOW"))
                .post("/api/v1/experience/complaints").then().statusCode(409).body("errors.field", contains("Idempotency-Key"));
    }

    @Test
    void everyTransitionLegalAndIllegal() {
        for (int from = 0; from < STEPS.size(); from++) {
            for (int to = 0; to < STEPS.size(); to++) {
                String id = Voice.complaint(UUID.randomUUID(), "LOW");
                for (int step = 1; step <= from; step++) {
                    Voice.move(id, request(STEPS.get(step))).statusCode(200);
                }
                ValidatableResponse response = Voice.move(id, request(STEPS.get(to)));
                if (to == from + 1) {
                    response.statusCode(200).body("status", equalTo(STEPS.get(to)));
                } else {
                    response.statusCode(409).contentType("application/problem+json")
                            .body("detail", containsString("from " + STEPS.get(from) + " to " + STEPS.get(to)))
                            .body("errors.field", contains("to"));
                    given().get("/api/v1/experience/complaints/" + id).then().body("status", equalTo(STEPS.get(from)));
                }
            }
        }
    }

    @Test
    void outcomesAndNotesWhereTheyBelong() {
        String id = Voice.complaint(UUID.randomUUID(), "LOW");
        Voice.move(id, "{\"to\":\"ACKNOWLEDGED\",\"outcome\":\"LOST\"}").statusCode(400).body("errors.field", contains("outcome"));
        Voice.move(id, "{\"to\":\"ACKNOWLEDGED\"}").statusCode(200);
        Voice.move(id, "{\"to\":\"RESOLVED\"}").statusCode(400).body("errors.field", contains("note"));
        Voice.move(id, "{\"to\":\"RESOLVED\",\"note\":\"Refunded\"}").statusCode(200);
        Voice.move(id, "{\"to\":\"CLOSED\"}").statusCode(400).body("errors.field", contains("outcome"));
        Voice.move(id, "{\"to\":\"CLOSED\",\"outcome\":\"MAYBE\"}").statusCode(400).body("errors.field", contains("outcome"));
        Voice.move(id, "{\"to\":\"REOPENED\"}").statusCode(400).body("errors.field", contains("to"));
        Voice.move(UUID.randomUUID().toString(), "{\"to\":\"ACKNOWLEDGED\"}").statusCode(404);
        given().get("/api/v1/experience/complaints/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void historyTimeToFirstResponseAndEventsWithoutFreeText() {
        UUID customer = UUID.randomUUID();
        try (TopicReader topic = new TopicReader(bootstrap, Topics.EXPERIENCE)) {
            String id = Callers.as("staff-3", Roles.FRONT_DESK).contentType(ContentType.JSON).body("""
                    {"customerId":"%s","severity":"MEDIUM","channel":"EMAIL","description":"Sofa arrived scratched"}"""
                    .formatted(customer)).post("/api/v1/experience/complaints").then().statusCode(201)
                    .body("ownerId", nullValue()).body("openedBy", equalTo("staff-3")).extract().path("id");
            moveAs("staff-9", id, "{\"to\":\"ACKNOWLEDGED\",\"note\":\"Called and apologised\"}").statusCode(200)
                    .body("ownerId", equalTo("staff-9"));
            moveAs("staff-9", id, "{\"to\":\"RESOLVED\",\"note\":\"New sofa delivered\"}").statusCode(200);
            Voice.move(id, "{\"to\":\"CLOSED\",\"outcome\":\"RECOVERED\",\"note\":\"Bought a table since\"}").statusCode(200);

            JsonPath complaint = given().get("/api/v1/experience/complaints/" + id).then().statusCode(200)
                    .body("status", equalTo("CLOSED")).body("outcome", equalTo("RECOVERED"))
                    .body("history.from", contains(null, "OPEN", "ACKNOWLEDGED", "RESOLVED"))
                    .body("history.to", contains("OPEN", "ACKNOWLEDGED", "RESOLVED", "CLOSED"))
                    .body("history.note", contains(null, "Called and apologised", "New sofa delivered", "Bought a table since"))
                    .body("history.actor", contains("staff-3", "staff-9", "staff-9", StaffToken.NAME))
                    .body("openedBy", equalTo("staff-3"))
                    .extract().jsonPath();
            Duration expected = Duration.between(Instant.parse(complaint.getString("openedAt")),
                    Instant.parse(complaint.getString("acknowledgedAt")));
            assertEquals(expected, Duration.parse(complaint.getString("timeToFirstResponse")));
            assertEquals(complaint.getString("history[1].at"), complaint.getString("acknowledgedAt"));

            List<String> events = topic.awaitValues(customer.toString(), 2);
            assertEquals(2, topic.values(customer.toString()).size(), "ComplaintOpened and ComplaintResolved, once each");
            JsonPath opened = new JsonPath(events.get(0));
            JsonPath resolved = new JsonPath(events.get(1));
            assertEquals("crm.ComplaintOpened", opened.getString("type"));
            assertEquals(id, opened.getString("data.complaintId"));
            assertEquals("MEDIUM", opened.getString("data.severity"));
            assertEquals("EMAIL", opened.getString("data.channel"));
            assertEquals("CUSTOMER", opened.getString("data.source"));
            assertEquals("crm.ComplaintResolved", resolved.getString("type"));
            assertEquals("RECOVERED", resolved.getString("data.outcome"));
            assertEquals(complaint.getString("closedAt"), resolved.getString("data.closedAt"));
            for (String event : events) {
                for (String text : List.of("scratched", "apologised", "delivered", "table")) {
                    assertFalse(event.contains(text), "no free text in " + event);
                }
            }
        }
    }

    @Test
    void aTransitionsActorIsTheCallerAndABodyNamingSomeoneElseIsRefused() {
        String id = Voice.complaint(UUID.randomUUID(), "LOW");
        moveAs("staff-9", id, "{\"to\":\"ACKNOWLEDGED\",\"actor\":\"someone else\"}").statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("actor"));
        moveAs("staff-9", id, "{\"to\":\"ACKNOWLEDGED\"}").statusCode(200)
                .body("history[1].actor", equalTo("staff-9"))
                .body("ownerId", equalTo("staff-1"));
    }

    @Test
    void onlyAnAccountManagerGivesAComplaintToSomeoneElse() {
        String body = """
                {"customerId":"%s","severity":"LOW","channel":"STORE","description":"Cold","ownerId":"%s"}""";
        Callers.assertForbidden(Callers.as("staff-4", Roles.FRONT_DESK).contentType(ContentType.JSON)
                .body(body.formatted(UUID.randomUUID(), "staff-1")).post("/api/v1/experience/complaints"),
                "This needs the role account-manager").body("errors.field", contains("ownerId"));
        Callers.as("staff-4", Roles.FRONT_DESK).contentType(ContentType.JSON)
                .body(body.formatted(UUID.randomUUID(), "staff-4")).post("/api/v1/experience/complaints")
                .then().statusCode(201).body("ownerId", equalTo("staff-4")).body("openedBy", equalTo("staff-4"));
        Callers.as("manager-2", Roles.ACCOUNT_MANAGER).contentType(ContentType.JSON)
                .body(body.formatted(UUID.randomUUID(), "staff-1")).post("/api/v1/experience/complaints")
                .then().statusCode(201).body("ownerId", equalTo("staff-1")).body("openedBy", equalTo("manager-2"));
    }

    @Test
    void listsByStatusCustomerOwnerAndOverdue() throws Exception {
        UUID customer = UUID.randomUUID();
        String late = Voice.complaint(customer, "CRITICAL");
        String onTime = Voice.complaint(customer, "LOW");
        String lateButAcknowledged = Voice.complaint(customer, "CRITICAL");
        backdate(late, Duration.ofHours(5));
        backdate(lateButAcknowledged, Duration.ofHours(5));
        Voice.move(lateButAcknowledged, "{\"to\":\"ACKNOWLEDGED\"}").statusCode(200);

        list("customerId=" + customer).body("total", equalTo(3));
        list("customerId=" + customer + "&overdue=true").body("items.id", contains(late))
                .body("items[0].overdue", equalTo(true));
        list("customerId=" + customer + "&overdue=false&status=OPEN").body("items.id", contains(onTime));
        list("customerId=" + customer + "&status=ACKNOWLEDGED").body("items.id", contains(lateButAcknowledged));
        given().get("/api/v1/experience/complaints/" + lateButAcknowledged).then().body("overdue", equalTo(false))
                .body("timeToFirstResponse", containsString("PT5H"));
        list("customerId=" + customer + "&ownerId=staff-1&size=2&page=1").body("items.size()", equalTo(1))
                .body("total", equalTo(3));
        list("ownerId=nobody-" + customer).body("total", equalTo(0));
        list("size=2").body("items.size()", equalTo(2));

        for (String bad : List.of("status=LOST", "overdue=yes", "customerId=guest-7", "size=0", "page=-1")) {
            given().get("/api/v1/experience/complaints?" + bad).then().statusCode(400)
                    .body("errors.field", contains(bad.substring(0, bad.indexOf('='))));
        }
    }

    private static ValidatableResponse moveAs(String caller, String id, String body) {
        return Callers.as(caller, Roles.FRONT_DESK).contentType(ContentType.JSON).body(body)
                .post("/api/v1/experience/complaints/" + id + "/transitions").then();
    }

    private void backdate(String complaint, Duration by) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     UPDATE complaint SET opened_at = opened_at - make_interval(secs => ?),
                         respond_by = respond_by - make_interval(secs => ?) WHERE id = ?""")) {
            s.setLong(1, by.toSeconds());
            s.setLong(2, by.toSeconds());
            s.setObject(3, UUID.fromString(complaint));
            assertEquals(1, s.executeUpdate());
        }
    }

    private static ValidatableResponse list(String query) {
        return given().get("/api/v1/experience/complaints?" + query).then().statusCode(200);
    }

    private static void assertDeadline(String id, Duration deadline) {
        JsonPath c = given().get("/api/v1/experience/complaints/" + id).then().statusCode(200)
                .body("overdue", equalTo(false)).body("timeToFirstResponse", nullValue()).extract().jsonPath();
        assertEquals(Instant.parse(c.getString("openedAt")).plus(deadline), Instant.parse(c.getString("respondBy")));
    }

    private static String request(String to) {
        return switch (to) {
            case "RESOLVED" -> "{\"to\":\"RESOLVED\",\"note\":\"Replaced it\"}";
            case "CLOSED" -> "{\"to\":\"CLOSED\",\"outcome\":\"AT_RISK\"}";
            default -> "{\"to\":\"" + to + "\"}";
        };
    }

    private static ValidatableResponse open(String template) {
        return given().contentType(ContentType.JSON).body(template.replace("%s", UUID.randomUUID().toString()))
                .post("/api/v1/experience/complaints").then();
    }
}
