package crm.customer.domain;

public enum ConsentStatus {
    GRANTED, DENIED, WITHDRAWN
}
