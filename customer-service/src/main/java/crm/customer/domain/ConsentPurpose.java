package crm.customer.domain;

public enum ConsentPurpose {
    MARKETING, ANALYTICS, PARTNER_SHARING
}
