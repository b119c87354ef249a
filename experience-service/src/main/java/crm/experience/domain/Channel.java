package crm.experience.domain;

/** Where a touch point happens. */
public enum Channel {
    STORE, PHONE, WEB, EMAIL, MAIL, APP
}
