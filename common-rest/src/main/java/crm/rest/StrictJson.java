package crm.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
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
 * fraction where a whole number is expected), and no text, value or key, may hold the character
 * U+0000, which PostgreSQL cannot store. A body nested deeper than any request of the API, or with a
 * number longer than any amount, is refused as it is read, before it costs anything.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    /** What a field holding U+0000 is told. */
    public static final String NUL_MESSAGE = "must not contain the character U+0000";
    /** Objects and arrays within each other, at most: the deepest request of the API has five. */
    static final int MAX_NESTING = 32;
    /** Digits of a number, at most: an amount has at most 15 before the point and 4 after. */
    static final int MAX_NUMBER_LENGTH = 64;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING).maxNumberLength(MAX_NUMBER_LENGTH).build());
        mapper.registerModule(new SimpleModule("strict-text")
                .addDeserializer(String.class, new Text())
                .addKeyDeserializer(String.class, new TextKey()));
    }

    static String check(JsonParser parser, String text) throws InvalidFormatException {
        if (text != null && text.indexOf('\0') >= 0) {
            throw new NulCharacter(parser, text);
        }
        return text;
    }

    /** Text holding U+0000. */
    public static final class NulCharacter extends InvalidFormatException {
        NulCharacter(JsonParser parser, String text) {
            super(parser, "contains U+0000", text, String.class);
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
