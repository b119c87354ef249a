package crm.segmentation.rest;

import static io.restassured.RestAssured.given;

import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Test set-up for segmentation: known customers, and sales recorded through the API. */
final class Ledger {

    private Ledger() {
    }

    /** Customers as registration would have made them known (the consumer path has its own test). */
    static List<UUID> knownCustomers(AgroalDataSource db, int count) {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO customer_segment (customer_id, registered_at) VALUES (?, ?)")) {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                s.setObject(1, id);
                s.setObject(2, java.sql.Timestamp.from(Instant.parse("2000-01-01T00:00:00Z")));
                s.addBatch();
                ids.add(id);
            }
            s.executeBatch();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ids.sort(Comparator.naturalOrder());
        return ids;
    }

    static String sale(UUID customer, String at, String amount) {
        return sale(customer, at, amount, "0.00", false, UUID.randomUUID().toString());
    }

    /** One line: quantity 1 (or -1 on a refund) at {@code price}, cost {@code cost}. */
    static String sale(UUID customer, String at, String price, String cost, boolean refund, String externalId) {
        return """
            {"source":"pos-test","externalId":"%s","customerId":"%s","occurredAt":"%s","store":"s1","channel":"STORE",
             "currency":"CNY","refund":%s,"lines":[{"sku":"SKU-1","description":"Item","category":"FOOD",
             "quantity":%s,"unitPrice":%s,"unitCost":%s}],"attributes":{"seat":"window-2"}}"""
                .formatted(externalId, customer, at, refund, refund ? "-1" : "1", price, cost);
    }

    /** Records sales in batches of up to 1,000; every one must be created. */
    static void record(List<String> sales) {
        for (int from = 0; from < sales.size(); from += 1000) {
            List<String> chunk = sales.subList(from, Math.min(sales.size(), from + 1000));
            given().contentType(ContentType.JSON).body("{\"transactions\":[" + String.join(",", chunk) + "]}")
                    .post("/api/v1/transactions/batch").then().statusCode(200)
                    .body("recorded", org.hamcrest.Matchers.equalTo(chunk.size()));
        }
    }

    static void close(String period) {
        given().contentType(ContentType.JSON).body("{\"period\":\"" + period + "\"}").post("/api/v1/segments/periods")
                .then().statusCode(201);
    }

    static String level(UUID customer, String period) {
        List<String> levels = given().get("/api/v1/segments/customers/" + customer).then().statusCode(200)
                .extract().path("levels.findAll { it.period == '%s' }.level".formatted(period));
        return levels.isEmpty() ? null : levels.get(0);
    }
}
