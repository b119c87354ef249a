package crm.customer.domain;

public enum RelationshipType {
    FAMILY, COLLEAGUE, FORMER_COLLEAGUE, REFERRED_BY, WORKS_FOR, KNOWS
}
