package crm.customer.domain;

public enum CustomerStatus {
    ACTIVE, MERGED, ERASED
}
