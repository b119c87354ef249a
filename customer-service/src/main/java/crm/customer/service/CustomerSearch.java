package crm.customer.service;

import crm.customer.domain.CustomerKind;
import crm.customer.domain.InfluenceClass;

/** Filters of the customer list; {@code q} is fuzzy on names and company. All optional. */
public record CustomerSearch(String q, CustomerKind kind, InfluenceClass influenceClass, String ownerId, String tag,
        int page, int size) {
}
