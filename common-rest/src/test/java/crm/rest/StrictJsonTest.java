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

    record Sale(List<Line> lines, Map<String, String> attributes, List<String> tags) {
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
        assertEquals(new Sale(List.of(new Line("café \"1\"", 2)), Map.of("seat", "window-2"), null), sale);
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
    void aControlCharacterIsBadInputNamingItsField() {
        assertEquals(new Problem.FieldError("lines[0].sku", ControlCharacters.MESSAGE),
                problem("{\"lines\":[{\"sku\":\"a\\u0000b\",\"quantity\":1}]}").errors().get(0));
        assertEquals("lines[1].sku", problem("{\"lines\":[{\"sku\":\"a\",\"quantity\":1},{\"sku\":\"\\u001b[31m\",\"quantity\":1}]}")
                .errors().get(0).field());
        assertEquals("attributes.seat", problem("{\"attributes\":{\"seat\":\"x\\u007f\"}}").errors().get(0).field());
        assertEquals("tags[1]", problem("{\"tags\":[\"a\",\"b\\u0007\"]}").errors().get(0).field());
        assertEquals(400, problem("{\"attributes\":{\"se\\u0001at\":\"x\"}}").status().getStatusCode());
    }

    @Test
    void tabsAndLineBreaksAreText() throws Exception {
        assertEquals("first line\r\n\tsecond", mapper.readValue("{\"lines\":[{\"sku\":\"first line\\r\\n\\tsecond\",\"quantity\":1}]}",
                Sale.class).lines().get(0).sku());
        assertEquals(List.of(false, false, true, true, true, true), List.of(ControlCharacters.in("caf\u00e9 \t\n\r"),
                ControlCharacters.in(null), ControlCharacters.in("\u0000"), ControlCharacters.in("a\u001fb"),
                ControlCharacters.in("\u007f"), ControlCharacters.in("\u0008")));
    }

    @Test
    void aTextLongerThanAnyFieldIsRefusedAsItIsRead() throws Exception {
        String longest = "x".repeat(StrictJson.MAX_STRING_LENGTH);
        assertEquals(longest, mapper.readValue("{\"attributes\":{\"note\":\"" + longest + "\"}}", Sale.class)
                .attributes().get("note"));
        assertEquals(new Problem.FieldError("attributes", "is beyond what any request may be: String value length (50007) "
                + "exceeds the maximum allowed (20000)"),
                problem("{\"attributes\":{\"note\":\"" + "x".repeat(1_000_000) + "\"}}").errors().get(0));
        assertThrows(StreamConstraintsException.class, () -> mapper.readTree("[\"" + "x".repeat(20_001) + "\"]"));
    }

    @Test
    void aFractionIsNotAWholeNumber() {
        assertEquals("lines[0].quantity", problem("{\"lines\":[{\"sku\":\"a\",\"quantity\":2.5}]}").errors().get(0).field());
    }

    private ProblemException problem(String body) {
        return ProblemException.unreadable(assertThrows(JsonMappingException.class, () -> mapper.readValue(body, Sale.class)));
    }
}
