package crm.gateway.proxy;

/**
 * Where each service keeps its part of one customer: the card's section, the export's part and when it
 * applied an erasure. In this order the card ranks equal priorities and the export writes its parts.
 */
public enum CustomerPart {
    CUSTOMER("customer", "customer-service", "/api/v1/customers/", "/export-section"),
    VALUE("value", "segmentation-service", "/api/v1/segments/customers/", "/export"),
    EXPERIENCE("experience", "experience-service", "/api/v1/experience/customers/", "/export");

    /** The part's field in the card and the export. */
    public final String field;
    public final String service;
    private final String customers;
    private final String export;

    CustomerPart(String field, String service, String customers, String export) {
        this.field = field;
        this.service = service;
        this.customers = customers;
        this.export = export;
    }

    public String cardSection(Object customerId) {
        return customers + customerId + "/card-section";
    }

    public String export(Object customerId) {
        return customers + customerId + export;
    }

    public String erasure(Object customerId) {
        return customers + customerId + "/erasure";
    }
}
