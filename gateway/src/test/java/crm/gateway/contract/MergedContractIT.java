package crm.gateway.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import crm.gateway.FrontDoorResources;
import crm.gateway.proxy.FakeServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gateway serves one contract: every service's, as its build stored it, merged with the
 * gateway's own. The committed snapshot (docs/contracts/openapi.yaml) is what integrators read, so
 * the build fails when the served contract differs from it.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
@WithTestResource(FrontDoorResources.class)
class MergedContractIT {
    private static final Path SNAPSHOT = Path.of("../docs/contracts/openapi.yaml");

    @Test
    void theContractHoldsEveryServicesOperationsAndTheGatewaysOwn() {
        JsonPath contract = JsonPath.from(given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        Map<String, Object> paths = contract.getMap("paths");
        for (String path : new String[] {"/api/v1/customers/identify", "/api/v1/customers/{id}/merge",
                "/api/v1/transactions", "/api/v1/segments/pyramid", "/api/v1/experience/logs",
                "/api/v1/experience/complaints/{id}/transitions", "/api/v1/admin/api-keys"}) {
            assertTrue(paths.containsKey(path), path + " is missing from the gateway's contract");
        }
        assertEquals("http", contract.getString("components.securitySchemes.bearer.type"));
        assertEquals("bearer", contract.getString("components.securitySchemes.bearer.scheme"));
    }

    @Test
    void theEventsContractIsServedAsCommitted() throws IOException {
        String served = given().get("/asyncapi.yaml").then().statusCode(200).contentType("application/yaml")
                .extract().asString();
        assertEquals(Files.readString(Path.of("../docs/contracts/asyncapi.yaml")), served);
    }

    @Test
    void theCommittedSnapshotIsTheContractServed() throws IOException {
        String served = given().get("/q/openapi").then().statusCode(200).extract().asString();
        Files.writeString(Path.of("target/openapi-served.yaml"), served);
        assertEquals(Files.exists(SNAPSHOT) ? Files.readString(SNAPSHOT) : "", served,
                "docs/contracts/openapi.yaml is not the contract the gateway serves: "
                        + "copy gateway/target/openapi-served.yaml over it and commit it");
    }
}
