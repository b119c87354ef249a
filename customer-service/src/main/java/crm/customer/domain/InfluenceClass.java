package crm.customer.domain;

/** The influence pyramid: A managed personally by the manager, B by assistants, C served by all staff. */
public enum InfluenceClass {
    A, B, C
}
