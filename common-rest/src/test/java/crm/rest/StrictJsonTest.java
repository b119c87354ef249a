package crm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictJsonTest {
    record Line(String sku, int quantity) {
    }

    record Sale(List<Line> lines, Map<String, String> attributes) {
    }

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void textIsReadAsSent() throws Exception {
        Sale sale = mapper.readValue("""
                {"lines":[{"sku":"caf\\u00e9 \\"1\\"","quantity":2}],"attributes":{"seat":"window-2"}}""", Sale.class);
        assertEquals(new Sale(List.of(new Line("café \"1\"", 2)), Map.of("seat", "window-2")), sale);
        assertEquals(List.of("a", "b"), mapper.readValue("[\"a\",\"b\"]", new TypeReference<List<String>>() { }));
    }

    @Test
    void aBodyNestedDeeperThanAnyRequestOrWithAnEndlessNumberIsRefusedAsItIsRead() throws Exception {
        String deepest = "[".repeat(StrictJson.MAX_NESTING) + "]".repeat(StrictJson.MAX_NESTING);
        assertEquals(1, mapper.readTree(deepest).size());
        assertThrows(StreamConstraintsException.class, () -> mapper.readTree("[" + deepest + "]"));
        assertThrows(StreamConstraintsException.class, () -> mapper.readTree("[" + "9".repeat(65) + "]"));
        assertEquals(64, mapper.readTree("[" + "9".repeat(64) + "]").get(0).bigIntegerValue().toString().length());
    }

    @Test
    void theNulCharacterIsBadInputNamingItsField() {
        assertEquals(new Problem.FieldError("lines[0].sku", "must not contain the character U+0000"),
                problem("{\"lines\":[{\"sku\":\"a\\u0000b\",\"quantity\":1}]}").errors().get(0));
        assertEquals("attributes.seat", problem("{\"attributes\":{\"seat\":\"x\\u0000\"}}").errors().get(0).field());
        assertEquals(400, problem("{\"attributes\":{\"se\\u0000at\":\"x\"}}").status().getStatusCode());
    }

    @Test
    void aFractionIsNotAWholeNumber() {
        assertEquals("lines[0].quantity", problem("{\"lines\":[{\"sku\":\"a\",\"quantity\":2.5}]}").errors().get(0).field());
    }

    private ProblemException problem(String body) {
        return ProblemException.unreadable(assertThrows(JsonMappingException.class, () -> mapper.readValue(body, Sale.class)));
    }
}
