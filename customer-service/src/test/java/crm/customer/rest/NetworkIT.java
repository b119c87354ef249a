package crm.customer.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import crm.testing.CrmTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class NetworkIT {

    @Test
    void theNetworkReachesToTheGivenDepthAndCyclesEnd() {
        // client -> former colleague at the TV station -> its editor; the editor knows the client (a cycle)
        String client = Customers.register("{\"displayName\":\"Client\"}");
        String anchor = Customers.register("{\"displayName\":\"Former TV anchor\",\"kind\":\"MEDIA\"}");
        String editor = Customers.register("{\"displayName\":\"Editor\",\"kind\":\"MEDIA\"}");
        String station = Customers.register("{\"displayName\":\"TV station\",\"kind\":\"MEDIA\"}");
        relate(client, anchor, "FORMER_COLLEAGUE", 4);
        relate(anchor, editor, "KNOWS", 3);
        relate(editor, client, "KNOWS", 2);
        relate(editor, station, "WORKS_FOR", 5);

        given().queryParam("depth", 1).get("/api/v1/customers/" + client + "/network").then().statusCode(200)
                .body("nodes.customer.id", containsInAnyOrder(client, anchor, editor))
                .body("edges", hasSize(2));
        given().get("/api/v1/customers/" + client + "/network").then().statusCode(200)
                .body("depth", equalTo(2))
                .body("nodes.customer.id", containsInAnyOrder(client, anchor, editor, station))
                .body("nodes.find { it.customer.id == '%s' }.distance".formatted(station), equalTo(2))
                .body("edges", hasSize(4));
        given().queryParam("depth", 4).get("/api/v1/customers/" + client + "/network").then().statusCode(200)
                .body("nodes", hasSize(4));
    }

    @Test
    void relationshipsCanBeRemoved() {
        String a = Customers.register("{\"displayName\":\"A\"}");
        String b = Customers.register("{\"displayName\":\"B\"}");
        String edge = relate(a, b, "FAMILY", 5);
        given().contentType(ContentType.JSON).body("{\"toCustomerId\":\"" + b + "\",\"type\":\"FAMILY\"}")
                .post("/api/v1/customers/" + a + "/relationships").then().statusCode(409);
        given().delete("/api/v1/customers/" + a + "/relationships/" + edge).then().statusCode(204);
        given().get("/api/v1/customers/" + a + "/network").then().body("nodes", hasSize(1));
        given().delete("/api/v1/customers/" + a + "/relationships/" + edge).then().statusCode(404);
    }

    @Test
    void badRelationshipsAndDepthsAre400() {
        String a = Customers.register("{\"displayName\":\"Alone\"}");
        given().contentType(ContentType.JSON).body("{\"toCustomerId\":\"" + a + "\",\"type\":\"KNOWS\"}")
                .post("/api/v1/customers/" + a + "/relationships").then().statusCode(400)
                .body("errors.field", hasItem("toCustomerId"));
        given().contentType(ContentType.JSON).body("{\"toCustomerId\":\"" + UUID.randomUUID() + "\",\"type\":\"KNOWS\",\"strength\":6}")
                .post("/api/v1/customers/" + a + "/relationships").then().statusCode(400)
                .body("errors.field", hasItem("strength"));
        given().contentType(ContentType.JSON).body("{\"toCustomerId\":\"" + UUID.randomUUID() + "\",\"type\":\"ENEMY\"}")
                .post("/api/v1/customers/" + a + "/relationships").then().statusCode(400)
                .body("errors.field", hasItem("type"));
        given().contentType(ContentType.JSON).body("{\"toCustomerId\":\"" + UUID.randomUUID() + "\",\"type\":\"KNOWS\"}")
                .post("/api/v1/customers/" + a + "/relationships").then().statusCode(404);
        given().queryParam("depth", 5).get("/api/v1/customers/" + a + "/network").then().statusCode(400)
                .body("errors.field", hasItem("depth"));
    }

    private static String relate(String from, String to, String type, int strength) {
        return given().contentType(ContentType.JSON)
                .body("{\"toCustomerId\":\"%s\",\"type\":\"%s\",\"strength\":%d,\"note\":\"met at the gala\"}"
                        .formatted(to, type, strength))
                .post("/api/v1/customers/" + from + "/relationships").then().statusCode(201)
                .body("strength", equalTo(strength))
                .extract().path("id");
    }
}
