package crm.customer.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import crm.testing.CrmTestResources;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class DatesIT {

    @Inject
    AgroalDataSource db;

    @Test
    void listsBirthdaysInTheComingDays() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String soon = Customers.register("{\"displayName\":\"Soon\",\"birthday\":\"" + today.plusDays(3).withYear(1980) + "\"}");
        String later = Customers.register("{\"displayName\":\"Later\",\"birthday\":\"" + today.plusDays(20).withYear(1980) + "\"}");
        given().queryParam("withinDays", 7).queryParam("size", 100).get("/api/v1/customers/birthdays").then()
                .statusCode(200)
                .body("items.customer.id", hasItem(soon))
                .body("items.customer.id", not(hasItem(later)))
                .body("items.find { it.customer.id == '%s' }.nextBirthday".formatted(soon),
                        org.hamcrest.Matchers.equalTo(today.plusDays(3).toString()));
        given().queryParam("withinDays", 400).get("/api/v1/customers/birthdays").then().statusCode(400)
                .body("errors.field", hasItem("withinDays"));
    }

    @Test
    void listsCustomersNotSeenForLong() throws Exception {
        String away = Customers.register("{\"displayName\":\"Away Three Years\"}");
        String recent = Customers.register("{\"displayName\":\"Seen Yesterday\"}");
        setLastSeen(away, "now() - interval '3 years'");
        setLastSeen(recent, "now() - interval '1 day'");
        given().queryParam("days", 365).queryParam("size", 100).get("/api/v1/customers/absent").then().statusCode(200)
                .body("items.customer.id", hasItem(away))
                .body("items.customer.id", not(hasItem(recent)));
        given().queryParam("days", 0).get("/api/v1/customers/absent").then().statusCode(400)
                .body("errors.field", hasItem("days"));
    }

    private void setLastSeen(String id, String when) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE customer SET last_seen_at = " + when + " WHERE id = ?")) {
            s.setObject(1, UUID.fromString(id));
            s.executeUpdate();
        }
    }
}
