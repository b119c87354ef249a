package crm.experience.domain;

/** How a touch point relates to the brand: designed to carry it, generic, or contradicting it. */
public enum BrandType {
    BRANDED, UNBRANDED, OFF_BRAND
}
