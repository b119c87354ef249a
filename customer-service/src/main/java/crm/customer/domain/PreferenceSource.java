package crm.customer.domain;

/** STATED by the customer, or OBSERVED from behaviour; stated beats observed. */
public enum PreferenceSource {
    STATED, OBSERVED
}
