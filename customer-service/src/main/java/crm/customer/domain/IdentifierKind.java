package crm.customer.domain;

/** How a customer is recognised at a touch point. */
public enum IdentifierKind {
    PHONE, EMAIL, LOYALTY_CARD, MEMBERSHIP, EXTERNAL, LICENSE_PLATE
}
