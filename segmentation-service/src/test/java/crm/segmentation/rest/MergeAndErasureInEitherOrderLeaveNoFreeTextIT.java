package crm.segmentation.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import crm.testing.CrmTestResources;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** customer-service publishes a merge keyed by the duplicate and an erasure keyed by the erased: either may come first. */
@QuarkusTest
@WithTestResource(CrmTestResources.class)
class MergeAndErasureInEitherOrderLeaveNoFreeTextIT {
    /** Each transaction of a customer: revenue, margin, and whether any free text is left. */
    private static final String LEDGER = """
            SELECT revenue || ' ' || (revenue - cost) || ' ' || (attributes <> '{}' OR jsonb_path_exists(lines, '$[*].description'))
            FROM ledger_transaction WHERE customer_id = ? ORDER BY occurred_at""";
    private static final String TOTALS = """
            SELECT revenue || ' ' || purchases FROM customer_period WHERE customer_id = ? AND period = '2012-10'""";

    @Inject
    AgroalDataSource db;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aMergeThenTheSurvivorsErasureLeavesBothCustomersSalesWithoutFreeText() {
        List<UUID> pair = pair();
        UUID survivor = pair.get(0);
        UUID duplicate = pair.get(1);
        Wire.merged(bootstrap, survivor, duplicate);
        await().atMost(Duration.ofSeconds(15)).until(() -> Wire.column(db, LEDGER, duplicate).isEmpty());
        assertEquals(List.of("30.00 20.00 true", "40.00 25.00 true"), Wire.column(db, LEDGER, survivor));

        Wire.erased(bootstrap, survivor);
        awaitErased(survivor);
        assertEquals(List.of("30.00 20.00 false", "40.00 25.00 false"), Wire.column(db, LEDGER, survivor));
        assertEquals(List.of("70.00 2"), Wire.column(db, TOTALS, survivor));
        // The id merged into the erased one is erased too: no new sale under it.
        awaitErased(duplicate);
        refused(duplicate);
    }

    @Test
    void theSurvivorsErasureThenTheMergeErasesTheDuplicatesSalesInsteadOfKeepingThem() {
        List<UUID> pair = pair();
        UUID survivor = pair.get(0);
        UUID duplicate = pair.get(1);
        Wire.erased(bootstrap, survivor);
        awaitErased(survivor);
        assertEquals(List.of("30.00 20.00 false"), Wire.column(db, LEDGER, survivor));
        assertEquals(List.of("40.00 25.00 true"), Wire.column(db, LEDGER, duplicate));

        Wire.merged(bootstrap, survivor, duplicate);
        awaitErased(duplicate);
        assertEquals(List.of(), Wire.column(db, LEDGER, duplicate));
        assertEquals(List.of("30.00 20.00 false", "40.00 25.00 false"), Wire.column(db, LEDGER, survivor));
        assertEquals(List.of("70.00 2"), Wire.column(db, TOTALS, survivor));
        refused(duplicate);
        refused(survivor);
    }

    @Test
    void aDuplicateErasedBeforeTheMergeStaysErasedAndNothingOfItJoinsTheSurvivor() {
        List<UUID> pair = pair();
        UUID survivor = pair.get(0);
        UUID duplicate = pair.get(1);
        Wire.erased(bootstrap, duplicate);
        awaitErased(duplicate);

        Wire.merged(bootstrap, survivor, duplicate);
        await().atMost(Duration.ofSeconds(15)).until(() -> !Wire.column(db,
                "SELECT survivor_id FROM customer_merge WHERE duplicate_id = ?", duplicate).isEmpty());
        assertEquals(List.of("40.00 25.00 false"), Wire.column(db, LEDGER, duplicate));
        assertEquals(List.of("30.00 20.00 true"), Wire.column(db, LEDGER, survivor));
        assertEquals(List.of("30.00 1"), Wire.column(db, TOTALS, survivor));
        given().get("/api/v1/segments/customers/" + survivor + "/erasure").then().statusCode(404);
        refused(duplicate);
    }

    /** Survivor: 30.00 (cost 10.00) on 5 October; duplicate: 40.00 (cost 15.00) on 6 October, each with free text. */
    private List<UUID> pair() {
        List<UUID> pair = Ledger.knownCustomers(db, 2);
        Ledger.record(List.of(
                Ledger.sale(pair.get(0), "2012-10-05T08:00:00Z", "30.00", "10.00", false, "M-" + UUID.randomUUID()),
                Ledger.sale(pair.get(1), "2012-10-06T08:00:00Z", "40.00", "15.00", false, "M-" + UUID.randomUUID())));
        return pair;
    }

    private static void awaitErased(UUID customer) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().get("/api/v1/segments/customers/" + customer + "/erasure").then().statusCode(200)
                        .body("customerId", equalTo(customer.toString())));
    }

    private static void refused(UUID customer) {
        given().contentType(ContentType.JSON).body(Ledger.sale(customer, "2012-10-20T08:00:00Z", "10.00"))
                .post("/api/v1/transactions").then().statusCode(410).body("errors.field", contains("customerId"));
    }
}
