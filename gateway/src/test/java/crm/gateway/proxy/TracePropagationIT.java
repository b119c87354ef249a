package crm.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import crm.gateway.FrontDoorResources;
import crm.gateway.TestKeys;
import crm.rest.Roles;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway continues the caller's trace and hands the service its own span's context (traceparent). */
@QuarkusTest
@WithTestResource(FakeServices.class)
@WithTestResource(FrontDoorResources.class)
class TracePropagationIT {
    private static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");

    @Inject
    InMemorySpanExporter spans;

    private String frontDesk;

    @BeforeEach
    void issueKey() {
        frontDesk = TestKeys.issue(Roles.FRONT_DESK);
    }

    @Test
    void theServiceGetsTheCallersTraceWithTheGatewaysSpanAsParent() {
        String traceId = hex(16);
        String callerSpanId = hex(8);
        String forwarded = given().auth().oauth2(frontDesk).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .body("{\"displayName\":\"Yu Wei\"}")
                .post("/api/v1/customers?phone=13800138000")
                .then().statusCode(201).extract().header("x-seen-traceparent");

        String[] parts = forwarded.split("-");
        assertEquals("00", parts[0]);
        assertEquals(traceId, parts[1]);
        assertEquals("01", parts[3]);
        SpanData client = awaitSpan(parts[2]);
        assertEquals(SpanKind.CLIENT, client.getKind());
        assertEquals(traceId, client.getTraceId());
        assertTrue(client.getAttributes().get(URL_FULL).endsWith("/api/v1/customers?phone"), client.getAttributes().get(URL_FULL));
        SpanData server = awaitSpan(client.getParentSpanId());
        assertEquals(SpanKind.SERVER, server.getKind());
        assertEquals(callerSpanId, server.getParentSpanId());
        for (SpanData span : spans.getFinishedSpanItems()) {
            if (span.getTraceId().equals(traceId)) {
                assertFalse(span.getAttributes().toString().contains("13800138000"), span.getAttributes().toString());
            }
        }
    }

    @Test
    void aRequestWithoutATraceStartsOneThatTheServiceJoins() {
        String forwarded = given().auth().oauth2(frontDesk).get("/api/v1/customers/42")
                .then().statusCode(201).extract().header("x-seen-traceparent");

        String[] parts = forwarded.split("-");
        SpanData client = awaitSpan(parts[2]);
        assertEquals(parts[1], client.getTraceId());
        SpanData server = awaitSpan(client.getParentSpanId());
        assertEquals(SpanKind.SERVER, server.getKind());
        assertEquals(SpanId.getInvalid(), server.getParentSpanId());
    }

    private SpanData awaitSpan(String spanId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getSpanId().equals(spanId)).findFirst().orElse(null), span -> span != null);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
