package crm.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import crm.client.api.ComplaintsApi;
import crm.client.api.CustomersApi;
import crm.client.api.JourneysApi;
import crm.client.api.LogsApi;
import crm.client.api.PeriodsApi;
import crm.client.api.SegmentsApi;
import crm.client.api.TransactionsApi;
import crm.client.api.VisitsApi;
import crm.client.invoker.ApiClient;
import crm.client.invoker.ApiException;
import crm.client.invoker.ApiResponse;
import crm.client.model.BrandType;
import crm.client.model.Channel;
import crm.client.model.CloseRequest;
import crm.client.model.Complaint;
import crm.client.model.ComplaintStatus;
import crm.client.model.ComplaintStep;
import crm.client.model.ComplaintTransition;
import crm.client.model.Customer;
import crm.client.model.CustomerProfile;
import crm.client.model.CustomerSummary;
import crm.client.model.Entry;
import crm.client.model.ExperienceLog;
import crm.client.model.ExperienceLogResult;
import crm.client.model.Journey;
import crm.client.model.JourneyDefinition;
import crm.client.model.LevelFigures;
import crm.client.model.Line1;
import crm.client.model.Need;
import crm.client.model.NewComplaint;
import crm.client.model.Outcome;
import crm.client.model.PeriodLevel;
import crm.client.model.PeriodResponse;
import crm.client.model.PyramidResponse;
import crm.client.model.RecordedBy;
import crm.client.model.RecordedTransaction;
import crm.client.model.Severity;
import crm.client.model.Step;
import crm.client.model.Transaction;
import crm.client.model.VisitCurve;
import io.restassured.RestAssured;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An integrator's view: the Java client generated from the committed contract
 * (docs/contracts/openapi.yaml, openapi-generator 7.25.0, library native) drives one guest's whole
 * story through the gateway, with keys the gateway issued. If the contract and the services
 * disagree on a path, a parameter or a body, this flow breaks.
 */
class GeneratedClientIT {
    /** A month no other system test closes or sells in. */
    private static final String PERIOD = "2026-09";

    private static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.shared();
        RestAssured.port = system.gatewayPort; // Keys issues the keys through the gateway's admin API
    }

    /** A client of the gateway that sends this key as its bearer token. */
    private static ApiClient as(String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + system.gatewayPort);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
        return client;
    }

    @Test
    void aGuestsStoryThroughTheGeneratedClient() throws Exception {
        ApiClient desk = as(Keys.issue(system, "front-desk", null, "staff-17"));
        ApiClient till = as(Keys.issue(system, "pos", "till-1", null));
        ApiClient admin = as(Keys.of(system, "admin"));
        ApiClient analyst = as(Keys.of(system, "analyst"));

        // register a guest, then find her by her phone as typed at a counter
        String digits = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        ApiResponse<Customer> registered = new CustomersApi(desk).registerCustomerWithHttpInfo(new CustomerProfile()
                .givenName("Li").familyName("Na").salutation("Ms. Li").phone("138" + digits), null);
        assertEquals(201, registered.getStatusCode());
        UUID guest = registered.getData().getId();
        assertNotNull(guest);
        assertEquals("+86138" + digits, registered.getData().getPhone());
        CustomerSummary found = new CustomersApi(desk)
                .identifyCustomer(null, null, null, "138 " + digits.substring(0, 4) + " " + digits.substring(4));
        assertEquals(guest, found.getId());
        assertEquals("Ms. Li", found.getSalutation());

        // segmentation-service learns of her from CustomerRegistered, through Kafka
        SegmentsApi segments = new SegmentsApi(desk);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreException(ApiException.class)
                .until(() -> segments.getCustomerValueWithHttpInfo(guest).getStatusCode() == 200);

        // a sale at till-1, then the very same request again: recorded once
        Transaction sale = new Transaction().source("till-1").externalId("gc-" + UUID.randomUUID()).customerId(guest)
                .occurredAt(OffsetDateTime.parse("2026-09-15T10:00:00Z")).store("s1").channel("STORE").currency("CNY")
                .lines(List.of(new Line1().sku("SKU-9").description("Armchair").category("FURNITURE")
                        .quantity(new BigDecimal("2")).unitPrice(new BigDecimal("1299.00")).unitCost(new BigDecimal("700.00"))));
        TransactionsApi transactions = new TransactionsApi(till);
        ApiResponse<RecordedTransaction> first = transactions.recordTransactionWithHttpInfo(sale);
        ApiResponse<RecordedTransaction> retry = transactions.recordTransactionWithHttpInfo(sale);
        assertEquals(201, first.getStatusCode());
        assertEquals(200, retry.getStatusCode());
        assertEquals(first.getData().getId(), retry.getData().getId());
        assertEquals(0, new BigDecimal("2598.00").compareTo(first.getData().getRevenue()));
        assertEquals(1L, new TransactionsApi(desk).listTransactions(guest, null, null, null, null).getTotal());

        // close the month (admin); the pyramid (analyst) counts her at her level
        PeriodsApi periods = new PeriodsApi(admin);
        ApiResponse<PeriodResponse> close = periods.closePeriodWithHttpInfo(new CloseRequest().period(PERIOD), null);
        if (close.getStatusCode() == 200) { // closed before in this JVM: take this sale in
            close = periods.closePeriodWithHttpInfo(new CloseRequest().period(PERIOD), true);
        }
        assertTrue(close.getStatusCode() == 201 || close.getStatusCode() == 200, "close answered " + close.getStatusCode());
        assertEquals(PERIOD, close.getData().getPeriod());
        assertTrue(close.getData().getActive() >= 1);
        PeriodLevel herLevel = segments.getCustomerValue(guest).getLevels().stream()
                .filter(l -> PERIOD.equals(l.getPeriod())).findFirst().orElseThrow();
        assertNotNull(herLevel.getLevel());
        PyramidResponse pyramid = new SegmentsApi(analyst).getPyramid(PERIOD);
        assertEquals(PERIOD, pyramid.getPeriod());
        assertTrue(pyramid.getActive() >= 1, "active " + pyramid.getActive());
        LevelFigures level = pyramid.getLevels().stream().filter(l -> herLevel.getLevel().equals(l.getLevel()))
                .findFirst().orElseThrow(() -> new AssertionError(herLevel.getLevel() + " not in " + pyramid));
        assertTrue(level.getCustomers() >= 1, level.toString());

        // a journey (admin), a visit of four entries (front desk), and the curve she remembers
        String journeyCode = "gc-visit-" + UUID.randomUUID().toString().substring(0, 8);
        Journey journey = new JourneysApi(admin).defineJourney(new JourneyDefinition().code(journeyCode).name("Showroom visit")
                .touchPoints(List.of(
                        step("welcome", "Welcome at the door", Need.RELATIONSHIP, BrandType.BRANDED),
                        step("queue", "Queue at the counter", Need.CONVENIENCE, BrandType.UNBRANDED),
                        step("sofa", "Trying the sofa", Need.PRODUCT, BrandType.BRANDED),
                        step("farewell", "Farewell", Need.RELATIONSHIP, BrandType.BRANDED))));
        assertEquals(4, journey.getTouchPoints().size());
        // the visit's id is the till's own check number, slash and all
        String visit = "C-2026/09-" + System.nanoTime();
        ExperienceLogResult logged = new LogsApi(desk).logExperience(new ExperienceLog().visitId(visit).journeyCode(journeyCode)
                .customerId(guest).store("s1").recordedBy(RecordedBy.STAFF).entries(List.of(
                        entry("welcome", 1, "2026-09-15T09:40:00Z"),
                        entry("queue", -2, "2026-09-15T09:45:00Z"),
                        entry("sofa", 3, "2026-09-15T09:55:00Z"),
                        entry("farewell", 2, "2026-09-15T10:05:00Z"))));
        assertEquals(4, logged.getCreated());
        VisitCurve curve = new VisitsApi(desk).getVisitCurve(visit);
        assertEquals(4, curve.getPoints().size());
        assertEquals("sofa", curve.getPeak().getTouchPointCode());
        assertEquals(3, curve.getPeak().getScore());
        assertEquals("farewell", curve.getEnd().getTouchPointCode());
        assertEquals(2, curve.getEnd().getScore());
        assertEquals(0, new BigDecimal("2.5").compareTo(curve.getRemembered()), "remembered " + curve.getRemembered());
        assertEquals(0, BigDecimal.valueOf(curve.getPeak().getScore() + curve.getEnd().getScore())
                .divide(BigDecimal.valueOf(2)).compareTo(curve.getRemembered()));

        // a complaint about the queue, taken from OPEN to CLOSED by staff-17
        ComplaintsApi complaints = new ComplaintsApi(desk);
        Complaint opened = complaints.openComplaint(new NewComplaint().customerId(guest).visitId(visit).journeyCode(journeyCode)
                .touchPointCode("queue").severity(Severity.MEDIUM).channel(Channel.STORE)
                .description("Waited 25 minutes at the counter"), "gc-" + UUID.randomUUID());
        assertEquals(ComplaintStatus.OPEN, opened.getStatus());
        assertEquals("staff-17", opened.getOpenedBy());
        UUID id = opened.getId();
        assertEquals(ComplaintStatus.ACKNOWLEDGED,
                complaints.moveComplaint(id, new ComplaintTransition().to(ComplaintStatus.ACKNOWLEDGED)).getStatus());
        assertEquals(ComplaintStatus.RESOLVED, complaints.moveComplaint(id,
                new ComplaintTransition().to(ComplaintStatus.RESOLVED).note("Priority lane next visit")).getStatus());
        complaints.moveComplaint(id, new ComplaintTransition().to(ComplaintStatus.CLOSED).note("She came back")
                .outcome(Outcome.RECOVERED));
        Complaint closed = complaints.getComplaint(id);
        assertEquals(ComplaintStatus.CLOSED, closed.getStatus());
        assertEquals(Outcome.RECOVERED, closed.getOutcome());
        List<ComplaintStep> history = closed.getHistory();
        assertFalse(history.isEmpty());
        assertEquals(ComplaintStatus.CLOSED, history.get(history.size() - 1).getTo());
        assertEquals(List.of(ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED),
                history.stream().map(ComplaintStep::getTo).filter(s -> s != ComplaintStatus.OPEN).toList());
        history.forEach(step -> assertEquals("staff-17", step.getActor(), step.toString()));
    }

    private static Step step(String code, String name, Need need, BrandType brandType) {
        return new Step().code(code).name(name).channel(Channel.STORE).need(need).brandType(brandType);
    }

    private static Entry entry(String touchPoint, int score, String at) {
        return new Entry().touchPointCode(touchPoint).score(score).occurredAt(OffsetDateTime.parse(at));
    }
}
