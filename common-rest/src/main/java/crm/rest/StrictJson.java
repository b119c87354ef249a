package crm.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Input the database would refuse is refused as bad input: a score of 2.5 is not 2 (numbers with a
 * fraction where a whole number is expected), and no text, value or key, may hold a control character
 * ({@link ControlCharacters}). A body nested deeper than any request of the API, with a number longer
 * than any amount or a text longer than any field, is refused as it is read, before it costs anything;
 * the body as a whole is bounded before that, by {@code quarkus.http.limits.max-body-size} (413).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    /** Objects and arrays within each other, at most: the deepest request of the API has five. */
    static final int MAX_NESTING = 32;
    /** Digits of a number, at most: an amount has at most 15 before the point and 4 after. */
    static final int MAX_NUMBER_LENGTH = 64;
    /**
     * Characters of one text, at most: the longest field of any request (a complaint, a customer's notes)
     * takes 4,000, so bean validation names a field a little too long; this refuses a megabyte of text
     * before it is held as a string.
     */
    static final int MAX_STRING_LENGTH = 20_000;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING).maxNumberLength(MAX_NUMBER_LENGTH).maxStringLength(MAX_STRING_LENGTH).build());
        mapper.registerModule(new SimpleModule("strict-text")
                .addDeserializer(String.class, new Text())
                .addKeyDeserializer(String.class, new TextKey()));
    }

    /** Which limit the body broke, without Jackson's pointer to its own settings. */
    static String limit(StreamConstraintsException e) {
        return e.getOriginalMessage().replaceFirst(", from `[^`]*`", "");
    }

    static String check(JsonParser parser, String text) throws InvalidFormatException {
        if (ControlCharacters.in(text)) {
            throw new ControlCharacter(parser, text);
        }
        return text;
    }

    /** Text holding a control character. */
    public static final class ControlCharacter extends InvalidFormatException {
        ControlCharacter(JsonParser parser, String text) {
            super(parser, "contains a control character", text, String.class);
        }
    }

    private static final class Text extends StdScalarDeserializer<String> {
        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return check(parser, StringDeserializer.instance.deserialize(parser, context));
        }
    }

    private static final class TextKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            return check(context.getParser(), key);
        }
    }
}
