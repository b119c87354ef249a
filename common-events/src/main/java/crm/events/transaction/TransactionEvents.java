package crm.events.transaction;

import crm.events.EventType;
import crm.events.Topics;

/** Events on {@code crm.transaction.v1}, published by segmentation-service. */
public final class TransactionEvents {
    public static final EventType<TransactionRecorded> RECORDED =
            EventType.of("TransactionRecorded", Topics.TRANSACTION, TransactionRecorded.class);

    private TransactionEvents() {
    }
}
