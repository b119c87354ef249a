package crm.events.segment;

import crm.events.EventType;
import crm.events.Topics;

/** Events on {@code crm.segment-change.v1}, published by segmentation-service. */
public final class SegmentEvents {
    public static final EventType<SegmentChanged> CHANGED =
            EventType.of("SegmentChanged", Topics.SEGMENT_CHANGE, SegmentChanged.class);

    private SegmentEvents() {
    }
}
