package crm.customer.domain;

import java.util.UUID;

/** What the counter needs to greet a guest, read in one query without loading the whole customer. */
public record CustomerCard(UUID id, String salutation, String displayName, CustomerKind kind,
        InfluenceClass influenceClass, String ownerId) {
}
