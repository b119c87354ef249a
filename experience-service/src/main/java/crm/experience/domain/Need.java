package crm.experience.domain;

/** The customer need a touch point serves. */
public enum Need {
    PRODUCT, PRICE, CONVENIENCE, SERVICE, RELATIONSHIP, IMAGE
}
