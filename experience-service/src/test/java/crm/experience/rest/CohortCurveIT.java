package crm.experience.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import crm.testing.CrmTestResources;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class CohortCurveIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource db;

    /**
     * Six café visits: C1 bought before their visit (RETURNING); C2's second visit follows their first
     * (NEW, then RETURNING); C3 bought only after theirs (NEW); C4 only had a refund before theirs (NEW);
     * one anonymous visit (ALL only). The purchases arrive after the visits were logged.
     */
    @Test
    void newAndReturningCustomersHaveTheirOwnCurves() {
        String journey = Journeys.cafe();
        UUID c1 = UUID.randomUUID();
        UUID c2 = UUID.randomUUID();
        UUID c3 = UUID.randomUUID();
        UUID c4 = UUID.randomUUID();
        Logs.log(journey, c1, "store-a", "2026-10-05T09:00:00Z", "welcome", 2, "taste", 3);
        Logs.log(journey, c2, "store-b", "2026-10-02T09:00:00Z", "welcome", -1, "taste", 1);
        Logs.log(journey, c2, "store-b", "2026-10-10T09:00:00Z", "welcome", 1, "taste", 3);
        Logs.log(journey, c3, "store-b", "2026-10-06T09:00:00Z", "welcome", -2, "taste", 0);
        Logs.log(journey, null, "store-b", "2026-10-07T09:00:00Z", "welcome", 3, "taste", -3);
        Logs.log(journey, c4, "store-b", "2026-10-08T09:00:00Z", "welcome", 0, "taste", 2);

        Wire.transaction(bootstrap, c1, "2026-09-01T10:00:00Z", 1);
        Wire.transaction(bootstrap, c3, "2026-10-20T10:00:00Z", 1);
        Wire.transaction(bootstrap, c4, "2026-09-01T10:00:00Z", -1);
        Wire.transaction(bootstrap, c4, "2026-12-01T10:00:00Z", 1);
        awaitFirstPurchase(c1, "2026-09-01T10:00:00Z");
        awaitFirstPurchase(c3, "2026-10-20T10:00:00Z");
        // The refund came first on C4's partition: had it counted, this would be September.
        awaitFirstPurchase(c4, "2026-12-01T10:00:00Z");

        curve(journey, "NEW").body("points[1].touchPointCode", equalTo("welcome"))
                .body("points[1].count", equalTo(3)).body("points[1].mean", equalTo(-1.0f))
                .body("points[8].touchPointCode", equalTo("taste"))
                .body("points[8].count", equalTo(3)).body("points[8].mean", equalTo(1.0f))
                .body("points[0].count", equalTo(0));
        curve(journey, "RETURNING")
                .body("points[1].count", equalTo(2)).body("points[1].mean", equalTo(1.5f))
                .body("points[8].count", equalTo(2)).body("points[8].mean", equalTo(3.0f));
        curve(journey, "ALL")
                .body("points[1].count", equalTo(6)).body("points[1].mean", equalTo(0.5f))
                .body("points[8].count", equalTo(6)).body("points[8].mean", equalTo(1.0f));
        given().queryParam("store", "store-a").get(path(journey)).then().statusCode(200)
                .body("cohort", equalTo("ALL")).body("store", equalTo("store-a"))
                .body("points[1].count", equalTo(1)).body("points[1].mean", equalTo(2.0f));
        given().queryParam("cohort", "new").queryParam("from", "2026-10-05T00:00:00Z").queryParam("to", "2026-10-09T00:00:00Z")
                .get(path(journey)).then().statusCode(200)
                .body("points[1].count", equalTo(2)).body("points[1].mean", equalTo(-1.0f))
                .body("points[8].mean", equalTo(1.0f));
    }

    @Test
    void badParametersAre400NamingThem() {
        String journey = Journeys.cafe();
        expect400(given().queryParam("cohort", "OLD").get(path(journey)).then(), "cohort");
        expect400(given().queryParam("from", "yesterday").get(path(journey)).then(), "from");
        expect400(given().queryParam("to", "2026-13-01").get(path(journey)).then(), "to");
        expect400(given().queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-10-01T00:00:00Z")
                .get(path(journey)).then(), "from");
        given().get(path("no-such-journey")).then().statusCode(404).contentType("application/problem+json");
    }

    private static ValidatableResponse curve(String journey, String cohort) {
        return given().queryParam("cohort", cohort).get(path(journey)).then().statusCode(200)
                .body("cohort", equalTo(cohort));
    }

    private static String path(String journey) {
        return "/api/v1/experience/journeys/" + journey + "/curve";
    }

    private static void expect400(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private void awaitFirstPurchase(UUID customer, String at) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertEquals(Instant.parse(at), firstPurchase(customer)));
    }

    private Instant firstPurchase(UUID customer) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT first_purchase_at FROM customer_history WHERE customer_id = ?")) {
            s.setObject(1, customer);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getTimestamp(1) != null ? rs.getTimestamp(1).toInstant() : null;
            }
        }
    }
}
