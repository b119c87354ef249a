package crm.customer.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.concurrent.ThreadLocalRandom;

/** Shortcuts the customer-service tests share. */
final class Customers {

    private Customers() {
    }

    /** Registers a customer from a JSON profile and returns its id. */
    static String register(String profile) {
        return given().contentType(ContentType.JSON).body(profile).post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");
    }

    static String register(String displayName, String phone) {
        return register("{\"displayName\":\"%s\",\"phone\":\"%s\"}".formatted(displayName, phone));
    }

    static ValidatableResponse get(String id) {
        return given().redirects().follow(false).get("/api/v1/customers/" + id).then();
    }

    static String etag(String id) {
        return get(id).statusCode(200).extract().header("ETag");
    }

    static ValidatableResponse patch(String id, String etag, String body) {
        var request = given().contentType("application/merge-patch+json").body(body);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.patch("/api/v1/customers/" + id).then();
    }

    /** A valid Chinese mobile number without country code, unique enough for one test run. */
    static String randomMobile() {
        return "138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
