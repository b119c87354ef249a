package crm.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * How request bodies are read: as the contract says, strictly. A field the request does not have, or a value of
 * another JSON type than the field's (a number for text, text or a number for a yes/no, a number for a list), is
 * a 400 naming it, never silently dropped or converted. Only requests: events and other services' answers are read
 * with the application's mapper, which lets a field added there pass, so adding one breaks no reader.
 */
@Provider
@Singleton
public class RequestJson implements ContextResolver<ObjectMapper> {
    private final ObjectMapper strict;

    public RequestJson(ObjectMapper json) {
        strict = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        for (CoercionInputShape scalar : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
            CoercionInputShape.Boolean}) {
            strict.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
        }
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
            strict.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            strict.coercionConfigFor(number).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }

    /** The strict reader, for a body read as a tree first (a merge patch) and bound afterwards. */
    public ObjectMapper strict() {
        return strict;
    }
}
