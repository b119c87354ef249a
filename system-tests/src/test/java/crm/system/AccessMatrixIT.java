package crm.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation of every contract (the three services' and the gateway's own), called through the
 * gateway with a key of each role and with none: the roles an operation declares are let through
 * (whatever the request's other faults), every other role is 403, no token is 401, nothing is 5xx.
 */
class AccessMatrixIT {
    private static final List<String> ROLES =
            List.of("front-desk", "pos", "analyst", "account-manager", "privacy-officer", "admin");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private static RunningSystem system;
    private static final Map<String, String> keys = new LinkedHashMap<>();

    record Operation(String contract, String method, String path, Set<String> roles, Map<String, String> pathValues) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + " (" + contract + ", roles " + roles + ")";
        }
    }

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.shared();
        RestAssured.port = system.gatewayPort;
        for (String role : ROLES) {
            keys.put(role, Keys.of(system, role));
        }
    }

    @Test
    void everyOperationLetsThroughItsRolesAndOnlyThem() {
        List<Operation> operations = new ArrayList<>();
        operations.addAll(operations("customer-service", system.customerPort));
        operations.addAll(operations("segmentation-service", system.segmentationPort));
        operations.addAll(operations("experience-service", system.experiencePort));
        operations.addAll(operations("gateway", system.gatewayPort));
        assertTrue(operations.size() >= 56, "operations found: " + operations.size()); // 52 of the services, 4 of the gateway
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations) {
            if (op.roles().isEmpty()) {
                wrong.add(op + ": declares no role");
                continue;
            }
            int anonymous = send(op, given());
            if (anonymous != 401) {
                wrong.add(op + " without a token: " + anonymous);
            }
            for (String role : ROLES) {
                int status = send(op, given().auth().oauth2(keys.get(role)));
                boolean allowed = op.roles().contains(role);
                if (allowed && (status == 401 || status == 403 || status >= 500)) {
                    wrong.add(op + " as " + role + ": " + status + ", but the role is allowed");
                } else if (!allowed && status != 403) {
                    wrong.add(op + " as " + role + ": " + status + " instead of 403");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static int send(Operation op, RequestSpecification request) {
        String path = op.path();
        for (Map.Entry<String, String> value : op.pathValues().entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        if (!op.method().equals("get") && !op.method().equals("delete")) {
            request = request.contentType(ContentType.JSON).body("{}");
        }
        return request.urlEncodingEnabled(false).request(op.method().toUpperCase(), path).statusCode();
    }

    /** The /api operations of one contract, read from the component itself (its contract is open). */
    private static List<Operation> operations(String contract, int port) {
        JsonPath openapi = JsonPath.from(given().port(port).queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            for (String method : METHODS) {
                @SuppressWarnings("unchecked")
                Map<String, Object> operation = (Map<String, Object>) item.get(method);
                if (operation != null) {
                    operations.add(new Operation(contract, method, path, roles(operation),
                            pathValues(openapi, path, operation)));
                }
            }
        });
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> roles(Map<String, Object> operation) {
        Set<String> roles = new TreeSet<>();
        List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) operation.get("security");
        if (security != null) {
            security.forEach(requirement -> requirement.values().forEach(roles::addAll));
        }
        return roles;
    }

    /** A value for each path parameter that the service can parse: a new UUID, an enum's first value, a word. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> pathValues(JsonPath openapi, String path, Map<String, Object> operation) {
        Map<String, String> values = new LinkedHashMap<>();
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
        Matcher names = PARAMETER.matcher(path);
        while (names.find()) {
            String name = names.group(1);
            Map<String, Object> schema = parameters.stream().filter(p -> name.equals(p.get("name")))
                    .map(p -> (Map<String, Object>) p.get("schema")).filter(s -> s != null).findFirst().orElse(Map.of());
            if (schema.get("$ref") instanceof String ref) {
                schema = openapi.getMap("components.schemas." + ref.substring(ref.lastIndexOf('/') + 1));
            }
            if ("uuid".equals(schema.get("format"))) {
                values.put(name, UUID.randomUUID().toString());
            } else if (schema.get("enum") instanceof List<?> allowed && !allowed.isEmpty()) {
                values.put(name, String.valueOf(allowed.get(0)));
            } else {
                values.put(name, "x1");
            }
        }
        return values;
    }
}
