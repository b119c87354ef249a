package crm.experience.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void scalesTakeWholeNumbersInRange() {
        Question level = question(QuestionType.SCALE_1_5, null);
        assertNull(level.problemWith(node("1")));
        assertNull(level.problemWith(node("5")));
        assertEquals("is out of range: must be from 1 to 5", level.problemWith(node("0")));
        assertEquals("is out of range: must be from 1 to 5", level.problemWith(node("6")));
        assertEquals("must be a whole number from 1 to 5", level.problemWith(node("2.5")));
        assertEquals("must be a whole number from 1 to 5", level.problemWith(node("\"3\"")));
        assertEquals("is out of range: must be from 1 to 5", level.problemWith(node("99999999999")));
        Question nps = question(QuestionType.SCALE_0_10, null);
        assertNull(nps.problemWith(node("0")));
        assertNull(nps.problemWith(node("10")));
        assertEquals("is out of range: must be from 0 to 10", nps.problemWith(node("11")));
        assertEquals("is out of range: must be from 0 to 10", nps.problemWith(node("-1")));
    }

    @Test
    void yesNoTakesBooleans() {
        Question yesNo = question(QuestionType.YES_NO, null);
        assertNull(yesNo.problemWith(node("true")));
        assertNull(yesNo.problemWith(node("false")));
        assertEquals("must be true or false", yesNo.problemWith(node("\"yes\"")));
        assertEquals("must be true or false", yesNo.problemWith(node("1")));
    }

    @Test
    void singleChoiceTakesOneOfItsOptions() {
        Question choice = question(QuestionType.SINGLE_CHOICE, List.of("LESS", "EQUAL", "MORE"));
        assertNull(choice.problemWith(node("\"EQUAL\"")));
        assertEquals("'CHEAP' is not one of the options [LESS, EQUAL, MORE]", choice.problemWith(node("\"CHEAP\"")));
        assertEquals("must be one of the options [LESS, EQUAL, MORE]", choice.problemWith(node("2")));
    }

    private static Question question(QuestionType type, List<String> options) {
        return new Question("q", "A question?", type, true, null, options);
    }

    private static JsonNode node(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
