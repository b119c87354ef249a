package crm.customer.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import crm.testing.CrmTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class IdentifyIT {

    @Test
    void identifiesByPhoneHoweverItIsTyped() {
        String mobile = Customers.randomMobile();
        String id = Customers.register("""
            {"displayName":"Yu Wei","salutation":"Mr. Yu","phone":"%s","influenceClass":"A","ownerId":"m-1"}"""
                .formatted(mobile));
        for (String typed : new String[] {mobile, "+86 " + mobile, "0086-" + mobile, mobile.substring(0, 3) + " "
                + mobile.substring(3, 7) + " " + mobile.substring(7)}) {
            given().queryParam("phone", typed).get("/api/v1/customers/identify").then().statusCode(200)
                    .body("id", equalTo(id))
                    .body("salutation", equalTo("Mr. Yu"))
                    .body("displayName", equalTo("Yu Wei"))
                    .body("kind", equalTo("CONSUMER"))
                    .body("influenceClass", equalTo("A"))
                    .body("ownerId", equalTo("m-1"));
        }
    }

    @Test
    void identifiesByEmailCardAndAnyIdentifier() {
        String email = "Guest." + UUID.randomUUID() + "@Example.com";
        String id = Customers.register("{\"displayName\":\"Card Holder\",\"email\":\"" + email + "\"}");
        String card = "8888 " + (System.nanoTime() % 100000);
        String plate = "沪A" + (System.nanoTime() % 100000);
        given().contentType(ContentType.JSON).body("{\"kind\":\"LOYALTY_CARD\",\"value\":\"" + card + "\"}")
                .post("/api/v1/customers/" + id + "/identifiers").then().statusCode(201)
                .body("value", equalTo(card.replace(" ", "")));
        given().contentType(ContentType.JSON).body("{\"kind\":\"LICENSE_PLATE\",\"value\":\"" + plate.toLowerCase() + "\"}")
                .post("/api/v1/customers/" + id + "/identifiers").then().statusCode(201);

        given().queryParam("email", "  " + email.toUpperCase() + " ").get("/api/v1/customers/identify").then()
                .statusCode(200).body("id", equalTo(id));
        given().queryParam("card", card).get("/api/v1/customers/identify").then().statusCode(200).body("id", equalTo(id));
        given().queryParam("identifier", "LICENSE_PLATE:" + plate).get("/api/v1/customers/identify").then()
                .statusCode(200).body("id", equalTo(id));
        Customers.get(id).body("identifiers.kind", hasItem("LOYALTY_CARD"));

        given().delete("/api/v1/customers/" + id + "/identifiers/LOYALTY_CARD/" + card).then().statusCode(204);
        given().queryParam("card", card).get("/api/v1/customers/identify").then().statusCode(404);
        given().delete("/api/v1/customers/" + id + "/identifiers/LOYALTY_CARD/" + card).then().statusCode(404);
    }

    @Test
    void anIdentifierBelongsToOneCustomer() {
        String card = "C" + System.nanoTime();
        String first = Customers.register("{\"displayName\":\"First\"}");
        String second = Customers.register("{\"displayName\":\"Second\"}");
        String body = "{\"kind\":\"MEMBERSHIP\",\"value\":\"" + card + "\"}";
        given().contentType(ContentType.JSON).body(body).post("/api/v1/customers/" + first + "/identifiers")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/customers/" + first + "/identifiers")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/customers/" + second + "/identifiers")
                .then().statusCode(409).contentType("application/problem+json").body("errors.field", hasItem("value"));
    }

    @Test
    void badLookupsAre400AndUnknownOnes404() {
        given().get("/api/v1/customers/identify").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("phone", "1").queryParam("email", "a@b.cn").get("/api/v1/customers/identify").then()
                .statusCode(400);
        given().queryParam("phone", "12").get("/api/v1/customers/identify").then().statusCode(400)
                .body("errors.field", hasItem("phone"));
        given().queryParam("identifier", "SHOE_SIZE:42").get("/api/v1/customers/identify").then().statusCode(400)
                .body("errors.field", hasItem("identifier"));
        given().queryParam("phone", Customers.randomMobile()).get("/api/v1/customers/identify").then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"kind\":\"FINGERPRINT\",\"value\":\"x\"}")
                .post("/api/v1/customers/" + Customers.register("{\"displayName\":\"X\"}") + "/identifiers")
                .then().statusCode(400).body("errors.field", hasItem("kind"));
    }
}
