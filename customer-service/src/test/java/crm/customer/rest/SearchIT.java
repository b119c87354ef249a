package crm.customer.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import crm.testing.CrmTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class SearchIT {

    @Test
    void findsByFuzzyNameOrCompanyAndFilters() {
        String owner = "owner-" + UUID.randomUUID();
        String tag = "t" + System.nanoTime();
        String xu = Customers.register("""
            {"givenName":"Xiaoming","familyName":"Wangfeng","company":"Brightstar Media","kind":"MEDIA",
             "influenceClass":"A","ownerId":"%s","tags":["%s"]}""".formatted(owner, tag));
        String other = Customers.register("""
            {"displayName":"Zhao Lindqvist","influenceClass":"B","ownerId":"%s"}""".formatted(owner));

        // a typo in the name, and a word of the company
        given().queryParam("q", "wangfeg").queryParam("ownerId", owner).get("/api/v1/customers").then()
                .statusCode(200).body("items.id", contains(xu));
        given().queryParam("q", "brightstar").queryParam("ownerId", owner).get("/api/v1/customers").then()
                .body("items.id", contains(xu));
        given().queryParam("ownerId", owner).get("/api/v1/customers").then()
                .body("total", equalTo(2)).body("items.id", hasItem(other));
        given().queryParam("ownerId", owner).queryParam("influenceClass", "B").get("/api/v1/customers").then()
                .body("items.id", contains(other));
        given().queryParam("ownerId", owner).queryParam("kind", "MEDIA").get("/api/v1/customers").then()
                .body("items.id", contains(xu));
        given().queryParam("tag", tag).get("/api/v1/customers").then().body("items.id", contains(xu));
        given().queryParam("ownerId", owner).queryParam("size", 1).queryParam("page", 1).get("/api/v1/customers").then()
                .body("items", hasSize(1)).body("page", equalTo(1)).body("total", equalTo(2));
    }

    @Test
    void mergedAndErasedCustomersAreNotListed() {
        String owner = "owner-" + UUID.randomUUID();
        String erased = Customers.register("{\"displayName\":\"Gone\",\"ownerId\":\"" + owner + "\"}");
        given().post("/api/v1/customers/" + erased + "/erasure").then().statusCode(202);
        given().queryParam("ownerId", owner).get("/api/v1/customers").then().body("items.id", not(hasItem(erased)));
    }

    @Test
    void badPagingIs400() {
        given().queryParam("size", 101).get("/api/v1/customers").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("size"));
        given().queryParam("page", -1).get("/api/v1/customers").then().statusCode(400)
                .body("errors.field", hasItem("page"));
        given().queryParam("kind", "ALIEN").get("/api/v1/customers").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("kind"))
                .body("errors[0].message", equalTo("must be one of [CONSUMER, GOVERNMENT, MEDIA, COMMUNITY, SCHOOL, PARTNER, INTERNAL]"));
        // U+0000, which PostgreSQL cannot compare text with
        given().queryParam("q", "wang\u0000").get("/api/v1/customers").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("q"));
    }
}
