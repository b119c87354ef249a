package crm.experience.domain;

/** Who recorded an experience entry. */
public enum RecordedBy {
    STAFF, CUSTOMER, MYSTERY_SHOPPER, SYSTEM
}
