package crm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestJsonTest {
    record Line(String sku, int quantity, BigDecimal price, boolean refund, List<String> tags) {
    }

    /** As Quarkus makes the application's mapper: fields it does not know are let pass. */
    private final ObjectMapper lenient = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final ObjectMapper requests = new RequestJson(lenient).getContext(Line.class);

    @Test
    void aRequestAsTheContractSaysIsRead() throws Exception {
        assertEquals(new Line("TEA", 2, new BigDecimal("1.50"), false, List.of("a")), requests.readValue(
                "{\"sku\":\"TEA\",\"quantity\":2,\"price\":1.50,\"refund\":false,\"tags\":[\"a\"]}", Line.class));
    }

    @Test
    void aFieldTheRequestDoesNotHaveIsRefusedByName() {
        UnrecognizedPropertyException e = assertThrows(UnrecognizedPropertyException.class,
                () -> requests.readValue("{\"sku\":\"TEA\",\"discount\":5}", Line.class));
        assertEquals("discount", e.getPropertyName());
    }

    @Test
    void aValueOfAnotherJsonTypeIsRefusedNotConverted() {
        for (String body : List.of("{\"sku\":12345}", "{\"sku\":true}", "{\"quantity\":\"2\"}", "{\"price\":\"1.50\"}",
                "{\"refund\":1}", "{\"refund\":\"true\"}", "{\"tags\":\"a\"}")) {
            assertThrows(JsonMappingException.class, () -> requests.readValue(body, Line.class), body);
        }
    }

    @Test
    void theApplicationsOwnMapperStaysLenientForEventsAndOtherServicesAnswers() throws Exception {
        assertEquals("12345", lenient.readValue("{\"sku\":12345,\"later\":1}", Line.class).sku());
    }
}
