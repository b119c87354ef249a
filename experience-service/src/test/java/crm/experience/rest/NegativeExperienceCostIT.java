package crm.experience.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import crm.testing.CrmTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class NegativeExperienceCostIT {

    @Test
    void theWorkedExampleWithTheDefaults() {
        // a period nothing can have happened in yet: every rate is the default
        cost("50000000", "2095-01-01T00:00:00Z", "2096-01-01T00:00:00Z")
                .body("rates.badExperience.value", equalTo(new BigDecimal("0.2200")))
                .body("rates.badExperience.basis", equalTo("DEFAULT"))
                .body("rates.badExperience.sample", equalTo(0))
                .body("rates.badExperience.minimumSample", equalTo(100))
                .body("rates.complaint.value", equalTo(new BigDecimal("0.0200")))
                .body("rates.complainersLost.value", equalTo(new BigDecimal("0.2800")))
                .body("rates.complainersRecovered.value", equalTo(new BigDecimal("0.3800")))
                .body("rates.complainersAtRisk.value", equalTo(new BigDecimal("0.3400")))
                .body("rates.silentLost.value", equalTo(new BigDecimal("0.4500")))
                .body("rates.silentAtRisk.value", equalTo(new BigDecimal("0.5500")))
                .body("rates.collect { it.value.basis }.unique()", contains("DEFAULT"))
                // 50,000,000 × 0.22 × 0.02 × 0.28 and 50,000,000 × 0.22 × 0.98 × 0.45
                .body("lostFromComplainers", equalTo(new BigDecimal("61600.00")))
                .body("lostFromSilent", equalTo(new BigDecimal("4851000.00")))
                .body("lost", equalTo(new BigDecimal("4912600.00")))
                .body("atRiskFromComplainers", equalTo(new BigDecimal("74800.00")))
                .body("atRiskFromSilent", equalTo(new BigDecimal("5929000.00")))
                // if all 22% complained: 11,000,000 × 0.28 lost; 11,000,000 × 0.98 × (0.45 − 0.28) saved
                .body("ifEveryUnhappyCustomerComplained.lost", equalTo(new BigDecimal("3080000.00")))
                .body("ifEveryUnhappyCustomerComplained.saved", equalTo(new BigDecimal("1832600.00")))
                .body("ifEveryUnhappyCustomerComplained.savedPerPointOfComplaintRate", equalTo(new BigDecimal("18700.00")));
    }

    @Test
    void ratesMeasuredFromSurveysAndClosedComplaints() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String survey = Voice.survey(null);
        // 100 surveyed customers, 20 of them unhappy (level 2): b = 0.20
        List<UUID> unhappy = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            UUID customer = UUID.randomUUID();
            Voice.answer(survey, customer, i < 20 ? 2 : 4);
            if (i < 20) {
                unhappy.add(customer);
            }
        }
        Instant surveyed = Instant.now();
        // 4 of the unhappy complain themselves (the 20 complaints the survey opened do not count): c = 0.20
        List<String> closing = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            closing.add(Voice.complaint(i < 4 ? unhappy.get(i) : UUID.randomUUID(), "LOW"));
        }
        // 30 closed: 9 lost, 12 recovered, 9 at risk
        for (int i = 0; i < 30; i++) {
            Voice.close(closing.get(i), i < 9 ? "LOST" : i < 21 ? "RECOVERED" : "AT_RISK");
        }
        Instant end = Instant.now().plusSeconds(60);

        cost("1000000", start.toString(), end.toString())
                .body("rates.badExperience.value", equalTo(new BigDecimal("0.2000")))
                .body("rates.badExperience.basis", equalTo("MEASURED"))
                .body("rates.badExperience.sample", equalTo(100))
                .body("rates.complaint.value", equalTo(new BigDecimal("0.2000")))
                .body("rates.complaint.basis", equalTo("MEASURED"))
                .body("rates.complaint.sample", equalTo(20))
                .body("rates.complainersLost.value", equalTo(new BigDecimal("0.3000")))
                .body("rates.complainersLost.basis", equalTo("MEASURED"))
                .body("rates.complainersLost.sample", equalTo(30))
                .body("rates.complainersRecovered.value", equalTo(new BigDecimal("0.4000")))
                .body("rates.complainersAtRisk.value", equalTo(new BigDecimal("0.3000")))
                .body("rates.silentLost.value", equalTo(new BigDecimal("0.4500")))
                .body("rates.silentLost.basis", equalTo("DEFAULT"))
                // 1,000,000 × 0.2 × 0.2 × 0.3 and 1,000,000 × 0.2 × 0.8 × 0.45
                .body("lostFromComplainers", equalTo(new BigDecimal("12000.00")))
                .body("lostFromSilent", equalTo(new BigDecimal("72000.00")))
                .body("lost", equalTo(new BigDecimal("84000.00")))
                .body("atRiskFromComplainers", equalTo(new BigDecimal("12000.00")))
                .body("atRiskFromSilent", equalTo(new BigDecimal("88000.00")))
                .body("ifEveryUnhappyCustomerComplained.lost", equalTo(new BigDecimal("60000.00")))
                .body("ifEveryUnhappyCustomerComplained.saved", equalTo(new BigDecimal("24000.00")))
                .body("ifEveryUnhappyCustomerComplained.savedPerPointOfComplaintRate", equalTo(new BigDecimal("300.00")));

        // up to the end of the surveys: b and c measured (nobody had complained yet: c = 0), no closed complaints
        cost("1000000", start.toString(), surveyed.toString())
                .body("rates.badExperience.value", equalTo(new BigDecimal("0.2000")))
                .body("rates.complaint.value", equalTo(new BigDecimal("0.0000")))
                .body("rates.complaint.basis", equalTo("MEASURED"))
                .body("rates.complainersLost.basis", equalTo("DEFAULT"))
                .body("rates.complainersLost.sample", equalTo(0))
                .body("rates.complainersLost.value", equalTo(new BigDecimal("0.2800")))
                .body("lostFromComplainers", equalTo(new BigDecimal("0.00")))
                .body("lostFromSilent", equalTo(new BigDecimal("90000.00")));
    }

    @Test
    void badParametersAreNamed() {
        given().get("/api/v1/experience/negative-experience-cost").then().statusCode(400)
                .body("errors.field", contains("annualRevenue"));
        for (String bad : List.of("-5", "0", "lots", "100.001", "1E999999999")) {
            given().queryParam("annualRevenue", bad).get("/api/v1/experience/negative-experience-cost").then()
                    .statusCode(400).body("errors.field", contains("annualRevenue"));
        }
        given().queryParam("annualRevenue", "100").queryParam("to", "soon")
                .get("/api/v1/experience/negative-experience-cost").then().statusCode(400).body("errors.field", contains("to"));
    }

    private static ValidatableResponse cost(String revenue, String from, String to) {
        return given().config(Voice.EXACT).queryParam("annualRevenue", revenue).queryParam("from", from).queryParam("to", to)
                .get("/api/v1/experience/negative-experience-cost").then().statusCode(200);
    }
}
