package crm.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Converts the query and path parameters of the types the API takes (enums, UUIDs, whole numbers,
 * booleans), so that a bad value is a 400 naming the parameter in every service. Left to JAX-RS, a
 * query or path parameter that does not convert is a 404, as if the resource did not exist.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {
    private static final Pattern UUID_TEXT = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    /** A parameter that does not convert; a WebApplicationException so that JAX-RS passes it on as it is. */
    public static class InvalidParameter extends BadRequestException {
        private final String field;
        private final String detail;

        InvalidParameter(String field, String detail) {
            super(field + ": " + detail);
            this.field = field;
            this.detail = detail;
        }
    }

    @ServerExceptionMapper
    public Response invalid(InvalidParameter e, UriInfo uri) {
        return Problems.response(Response.Status.BAD_REQUEST, e.getMessage(), ProblemMappers.path(uri),
                List.of(new Problem.FieldError(e.field, e.detail)));
    }

    @Override
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        Function<String, Object> parse = name == null ? null : parser(rawType, name);
        if (parse == null) {
            return null;
        }
        return new ParamConverter<>() {
            @Override
            @SuppressWarnings("unchecked")
            public T fromString(String value) {
                // An empty filter (?status=) is no filter; a number or flag of a primitive cannot be absent.
                return value == null || value.isBlank() && !rawType.isPrimitive() ? null : (T) parse.apply(value.strip());
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
            }
        };
    }

    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Function<String, Object> parser(Class<?> type, String name) {
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return value -> {
                try {
                    return Enum.valueOf((Class) type, value);
                } catch (IllegalArgumentException e) {
                    throw new InvalidParameter(name, "must be one of " + Arrays.toString(constants));
                }
            };
        }
        if (type == UUID.class) {
            return value -> {
                if (!UUID_TEXT.matcher(value).matches()) {
                    throw new InvalidParameter(name, "must be a UUID, e.g. 6f1c2a9e-5b1d-4c1e-9a57-3f0f5a1f2b11");
                }
                return UUID.fromString(value);
            };
        }
        if (type == int.class || type == Integer.class) {
            return value -> number(name, value, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue();
        }
        if (type == long.class || type == Long.class) {
            return value -> number(name, value, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (type == boolean.class || type == Boolean.class) {
            return value -> switch (value) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new InvalidParameter(name, "must be true or false");
            };
        }
        return null;
    }

    private static Long number(String name, String value, long min, long max) {
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new InvalidParameter(name, "must be a whole number between " + min + " and " + max);
    }
}
