package crm.events;

import java.util.List;

/** The Kafka topics, one per owning service and schema version (DOMAIN.md §4). */
public final class Topics {
    public static final String CUSTOMER = "crm.customer.v1";
    public static final String TRANSACTION = "crm.transaction.v1";
    public static final String SEGMENT_CHANGE = "crm.segment-change.v1";
    /** v2: a visit's id is the caller's (text, not only a UUID) in ExperienceLogged and ComplaintOpened. */
    public static final String EXPERIENCE = "crm.experience.v2";

    public static final List<String> ALL = List.of(CUSTOMER, TRANSACTION, SEGMENT_CHANGE, EXPERIENCE);

    private Topics() {
    }
}
