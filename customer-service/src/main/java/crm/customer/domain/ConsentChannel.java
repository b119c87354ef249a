package crm.customer.domain;

/** Where a consent applies; ANY when the customer gave it for every channel. */
public enum ConsentChannel {
    ANY, EMAIL, SMS, PHONE, MAIL, APP
}
