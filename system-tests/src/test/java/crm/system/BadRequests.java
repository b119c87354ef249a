package crm.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Bad requests generated from the committed contract: for every operation, a body that is not what its schema
 * says (not JSON, the wrong shape, nested too deep, a required field missing, a field of the wrong type, an
 * unknown field, text too long or holding control characters, a number too long, a date that is not one) and
 * path and query parameters of the wrong form. Each starts from a request that follows the schema, changed in
 * one place, so each is refused for that one reason.
 */
final class BadRequests {
    /** One request: what is wrong with it, and what is sent. */
    record BadRequest(String operation, String wrong, String method, String path, Map<String, String> query,
            String body, List<String> roles) {
        @Override
        public String toString() {
            return method + " " + path + " (" + operation + "): " + wrong;
        }
    }

    /** Values for path parameters, by name, so a request reaches the body's validation. */
    private final Map<String, String> pathValues;
    private final ObjectMapper json = new ObjectMapper();

    BadRequests(Map<String, String> pathValues) {
        this.pathValues = pathValues;
    }

    static OpenAPI contract(Path file) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return new OpenAPIV3Parser().read(file.toString(), null, options);
    }

    List<BadRequest> of(OpenAPI contract) {
        List<BadRequest> all = new ArrayList<>();
        contract.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (template.startsWith("/api/")) {
                all.addAll(of(template, method, operation));
            }
        }));
        return all;
    }

    private List<BadRequest> of(String template, PathItem.HttpMethod method, Operation operation) {
        List<BadRequest> out = new ArrayList<>();
        List<String> roles = operation.getSecurity() == null || operation.getSecurity().isEmpty() ? List.of()
                : operation.getSecurity().get(0).values().stream().flatMap(List::stream).toList();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            if ("path".equals(p.getIn())) {
                path.put(p.getName(), pathValues.getOrDefault(p.getName(), "x1"));
            } else if ("query".equals(p.getIn()) && Boolean.TRUE.equals(p.getRequired())) {
                query.put(p.getName(), text(example(p.getSchema(), p.getName(), 0)));
            }
        }
        Schema<?> body = bodySchema(operation);
        Object valid = body == null ? null : example(body, "body", 0);
        String validBody = valid == null ? null : write(valid);
        Adder add = (wrong, p, q, b) -> out.add(new BadRequest(operation.getOperationId(), wrong, method.name(),
                expand(template, p), q, b, roles));

        for (Parameter p : parameters) {
            for (Map.Entry<String, String> bad : badValues(p.getSchema(), "path".equals(p.getIn())).entrySet()) {
                if ("path".equals(p.getIn())) {
                    Map<String, String> changed = new LinkedHashMap<>(path);
                    changed.put(p.getName(), bad.getValue());
                    add.add(p.getName() + " " + bad.getKey(), changed, query, validBody);
                } else if ("query".equals(p.getIn())) {
                    Map<String, String> changed = new LinkedHashMap<>(query);
                    changed.put(p.getName(), bad.getValue());
                    add.add(p.getName() + " " + bad.getKey(), path, changed, validBody);
                }
            }
        }
        if (body == null) {
            return out;
        }
        add.add("a body that is not JSON", path, query, "{\"unfinished\":");
        add.add("no body", path, query, "");
        add.add("a JSON array for an object", path, query, "[1,2,3]");
        add.add("a body nested 2,000 deep", path, query, "{\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}");
        if (valid instanceof Map<?, ?> object) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) object;
            Map<String, Object> extra = new LinkedHashMap<>(fields);
            extra.put("unexpectedField", "surprise");
            add.add("an unknown field", path, query, write(extra));
            mutateFields(body, fields, "", (wrong, changed) -> add.add(wrong, path, query, write(changed)), fields);
        }
        return out;
    }

    /** Each field of {@code object} (schema {@code schema}) changed in turn; {@code root} is what is written. */
    private void mutateFields(Schema<?> schema, Map<String, Object> object, String prefix,
            BiConsumer<String, Map<String, Object>> emit, Map<String, Object> root) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
            String name = property.getKey();
            Schema<?> field = property.getValue();
            String at = prefix + name;
            Object before = object.get(name);
            if (required.contains(name)) {
                object.remove(name);
                emit.accept(at + " missing", deepCopy(root));
                object.put(name, before);
            }
            for (Map.Entry<String, Object> bad : badJson(field).entrySet()) {
                object.put(name, bad.getValue());
                emit.accept(at + " " + bad.getKey(), deepCopy(root));
            }
            object.put(name, before);
            if (before instanceof Map<?, ?> inner && field.getProperties() != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> innerFields = (Map<String, Object>) inner;
                mutateFields(field, innerFields, at + ".", emit, root);
            } else if (before instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first
                    && field.getItems() != null && field.getItems().getProperties() != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> item = (Map<String, Object>) first;
                mutateFields(field.getItems(), item, at + "[0].", emit, root);
            }
        }
    }

    /** Values a field of this schema must refuse. */
    private static Map<String, Object> badJson(Schema<?> s) {
        Map<String, Object> bad = new LinkedHashMap<>();
        String type = type(s);
        if (type == null) {
            return bad;
        }
        switch (type) {
            case "string" -> {
                bad.put("a number for text", 12345);
                bad.put("an object for text", Map.of("a", 1));
                bad.put("with a control character", "bell\u0007ring");
                bad.put("200,000 characters long", "x".repeat(200_000));
                if (s.getEnum() != null && !s.getEnum().isEmpty()) {
                    bad.put("not one of its values", "NOT_A_VALUE");
                }
                if ("date-time".equals(s.getFormat())) {
                    bad.put("not a time", "yesterday");
                    bad.put("no such day", "2026-02-30T10:00:00Z");
                } else if ("date".equals(s.getFormat())) {
                    bad.put("not a date", "soon");
                    bad.put("no such day", "2026-02-30");
                } else if ("uuid".equals(s.getFormat())) {
                    bad.put("not a uuid", "not-a-uuid");
                }
            }
            case "integer" -> {
                bad.put("text for a number", "twelve");
                bad.put("a fraction for an integer", 1.5);
                bad.put("70 digits", new java.math.BigInteger("9".repeat(70)));
            }
            case "number" -> {
                bad.put("text for a number", "twelve");
                bad.put("70 digits", new java.math.BigDecimal("9".repeat(70)));
            }
            case "boolean" -> {
                bad.put("text for a boolean", "maybe");
                bad.put("a number for a boolean", 2);
            }
            case "array" -> bad.put("an object for a list", Map.of("a", 1));
            case "object" -> bad.put("a list for an object", List.of(1, 2));
            default -> {
            }
        }
        return bad;
    }

    /** Parameter values this schema must refuse (path parameters: also NUL and overlong ids). */
    private static Map<String, String> badValues(Schema<?> s, boolean inPath) {
        Map<String, String> bad = new LinkedHashMap<>();
        String type = type(s);
        if ("integer".equals(type) || "number".equals(type)) {
            bad.put("text for a number", "twelve");
            bad.put("a number too large", "9".repeat(30));
        } else if ("boolean".equals(type)) {
            bad.put("text for a boolean", "maybe");
        } else if (s != null && s.getEnum() != null && !s.getEnum().isEmpty()) {
            bad.put("not one of its values", "NOT_A_VALUE");
        } else if (s != null && "date-time".equals(s.getFormat())) {
            bad.put("not a time", "yesterday");
        } else if (s != null && "date".equals(s.getFormat())) {
            bad.put("not a date", "soon");
        } else if (s != null && "uuid".equals(s.getFormat())) {
            bad.put("not a uuid", "not-a-uuid");
        }
        if (inPath) {
            bad.put("holding NUL", "a\u0000b");
            bad.put("3,000 characters long", "x".repeat(3000));
        }
        return bad;
    }

    /** A value that follows the schema. */
    private Object example(Schema<?> s, String name, int depth) {
        if (s == null || depth > 8) {
            return "x1";
        }
        if (s.getExample() != null && !(s.getExample() instanceof String text && text.isEmpty())) {
            return s.getExample();
        }
        if (s.getEnum() != null && !s.getEnum().isEmpty()) {
            return s.getEnum().get(0);
        }
        String type = type(s);
        if (type == null && s.getProperties() != null) {
            type = "object";
        }
        if (type == null) {
            return "x1";
        }
        return switch (type) {
            case "string" -> switch (String.valueOf(s.getFormat())) {
                case "date-time" -> "2026-11-20T02:00:00Z";
                case "date" -> "1990-05-20";
                case "uuid" -> pathValues.getOrDefault("id", "00000000-0000-0000-0000-000000000001");
                default -> name.equals("source") ? "till-1" : name.equals("currency") ? "CNY" : "x1";
            };
            case "integer" -> s.getMinimum() != null ? s.getMinimum().intValue() : 1;
            case "number" -> s.getMinimum() != null ? s.getMinimum() : 1;
            case "boolean" -> false;
            case "array" -> List.of(example(s.getItems(), name, depth + 1));
            default -> {
                Map<String, Object> object = new LinkedHashMap<>();
                if (s.getProperties() != null) {
                    s.getProperties().forEach((field, schema) -> object.put(field, example(schema, field, depth + 1)));
                }
                yield object;
            }
        };
    }

    private static String type(Schema<?> s) {
        if (s == null) {
            return null;
        }
        if (s.getType() != null) {
            return s.getType();
        }
        return s.getTypes() == null ? null : s.getTypes().stream().filter(t -> !"null".equals(t)).findFirst().orElse(null);
    }

    private static Schema<?> bodySchema(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return null;
        }
        MediaType media = operation.getRequestBody().getContent().values().stream().findFirst().orElse(null);
        return media == null ? null : media.getSchema();
    }

    private static String expand(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            path = path.replace("{" + v.getKey() + "}", java.net.URLEncoder.encode(v.getValue(),
                    java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path;
    }

    private static String text(Object value) {
        return String.valueOf(value);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> deepCopy(Map<String, Object> root) {
        try {
            return json.readValue(json.writeValueAsBytes(root), Map.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Adder {
        void add(String wrong, Map<String, String> path, Map<String, String> query, String body);
    }
}
