package crm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.reflect.Parameter;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParameterConvertersTest {
    private final ParameterConverters converters = new ParameterConverters();

    @SuppressWarnings("unused")
    void resource(@QueryParam("unit") TimeUnit unit, @PathParam("id") UUID id, @QueryParam("page") int page,
            @QueryParam("recompute") boolean recompute, @QueryParam("q") String q, @HeaderParam("X-Unit") TimeUnit header) {
    }

    @Test
    void goodValuesConvert() throws Exception {
        assertEquals(TimeUnit.DAYS, converter(0).fromString("DAYS"));
        UUID id = UUID.randomUUID();
        assertEquals(id, converter(1).fromString(id.toString()));
        assertEquals(2147483647, converter(2).fromString("2147483647"));
        assertEquals(true, converter(3).fromString("true"));
    }

    @Test
    void aBadValueIsA400NamingTheParameter() throws Exception {
        assertEquals("unit: must be one of [NANOSECONDS, MICROSECONDS, MILLISECONDS, SECONDS, MINUTES, HOURS, DAYS]",
                bad(0, "WEEKS"));
        assertEquals("id: must be a UUID, e.g. 6f1c2a9e-5b1d-4c1e-9a57-3f0f5a1f2b11", bad(1, "1-1-1-1-1"));
        assertEquals("page: must be a whole number between -2147483648 and 2147483647", bad(2, "2147483648"));
        assertEquals("page: must be a whole number between -2147483648 and 2147483647", bad(2, "two"));
        assertEquals("recompute: must be true or false", bad(3, "yes"));
    }

    @Test
    void anEmptyFilterIsNoFilterButAnEmptyNumberIsBad() throws Exception {
        assertNull(converter(0).fromString(" "));
        assertNull(converter(1).fromString(""));
        assertEquals("page: must be a whole number between -2147483648 and 2147483647", bad(2, ""));
    }

    @Test
    void textAndOtherKindsOfParameterAreLeftToJaxRs() throws Exception {
        assertNull(converters.getConverter(String.class, String.class, annotations(4)));
        assertNull(converters.getConverter(TimeUnit.class, TimeUnit.class, annotations(5)));
    }

    private String bad(int parameter, String value) throws Exception {
        ParameterConverters.InvalidParameter e = assertThrows(ParameterConverters.InvalidParameter.class,
                () -> converter(parameter).fromString(value));
        assertEquals(400, e.getResponse().getStatus());
        return e.getMessage();
    }

    private ParamConverter<?> converter(int parameter) throws Exception {
        Parameter p = parameter(parameter);
        return converters.getConverter(p.getType(), p.getParameterizedType(), p.getAnnotations());
    }

    private java.lang.annotation.Annotation[] annotations(int parameter) throws Exception {
        return parameter(parameter).getAnnotations();
    }

    private Parameter parameter(int parameter) throws Exception {
        return getClass().getDeclaredMethod("resource", TimeUnit.class, UUID.class, int.class, boolean.class,
                String.class, TimeUnit.class).getParameters()[parameter];
    }
}
