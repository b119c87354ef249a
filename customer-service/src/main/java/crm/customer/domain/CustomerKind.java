package crm.customer.domain;

/** An end customer, or a value customer: a stakeholder who influences the business without necessarily buying. */
public enum CustomerKind {
    CONSUMER, GOVERNMENT, MEDIA, COMMUNITY, SCHOOL, PARTNER, INTERNAL
}
