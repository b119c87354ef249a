package crm.experience.rest;

import crm.events.Topics;
import crm.testing.TopicWriter;
import java.util.UUID;

/** Other services' events as they arrive on the wire. */
final class Wire {

    private Wire() {
    }

    /** A sale of one item (a refund when {@code quantity} is negative) by segmentation-service. */
    static void transaction(String bootstrap, UUID customer, String at, int quantity) {
        transaction(bootstrap, UUID.randomUUID().toString(), customer, at, quantity);
    }

    /** The same, with the event's id: processed_event shows when experience consumed it. */
    static void transaction(String bootstrap, String eventId, UUID customer, String at, int quantity) {
        String data = """
            {"transactionId":"%s","customerId":"%s","source":"pos-test","externalId":"%s","occurredAt":"%s",
             "store":"s1","channel":"STORE","currency":"CNY","lines":[{"sku":"A","description":"Latte","category":"FOOD",
             "quantity":%d,"unitPrice":28.00,"unitCost":9.50}],"attributes":{},"revenue":%d,"margin":0}"""
                .formatted(UUID.randomUUID(), customer, UUID.randomUUID(), at, quantity, 28 * quantity);
        send(bootstrap, Topics.TRANSACTION, customer, TopicWriter.event(eventId, "/crm/segmentation-service",
                "TransactionRecorded", customer.toString(), data));
    }

    static void merged(String bootstrap, String eventId, UUID survivor, UUID duplicate) {
        send(bootstrap, Topics.CUSTOMER, duplicate, TopicWriter.event(eventId, "/crm/customer-service", "CustomerMerged",
                duplicate.toString(), """
                {"survivorId":"%s","duplicateId":"%s","mergedAt":"2026-11-01T00:00:00Z"}""".formatted(survivor, duplicate)));
    }

    static void erased(String bootstrap, UUID customer) {
        erased(bootstrap, UUID.randomUUID().toString(), customer);
    }

    static void erased(String bootstrap, String eventId, UUID customer) {
        send(bootstrap, Topics.CUSTOMER, customer, TopicWriter.event(eventId, "/crm/customer-service", "CustomerErased",
                customer.toString(), """
                {"customerId":"%s","erasedAt":"2026-11-01T00:00:00Z"}""".formatted(customer)));
    }

    /**
     * CustomerRegistered after earlier events of the same customer: one customer's events are applied in order,
     * so once experience knows the customer, the earlier ones are applied too.
     */
    static void marker(String bootstrap, UUID customer) {
        send(bootstrap, Topics.CUSTOMER, customer, TopicWriter.customerRegistered(UUID.randomUUID().toString(),
                customer.toString(), "2026-01-01T00:00:00Z"));
    }

    private static void send(String bootstrap, String topic, UUID key, String value) {
        TopicWriter.send(bootstrap, topic, key.toString(), value);
    }
}
