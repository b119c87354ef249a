package crm.segmentation.event;

import crm.events.customer.CustomerEvents;
import crm.events.experience.ExperienceEvents;
import crm.events.inbox.EventHandler;
import crm.events.inbox.Subscriptions;
import crm.segmentation.service.CustomerLifecycle;
import crm.segmentation.service.SegmentService;
import jakarta.enterprise.context.ApplicationScoped;

/** What segmentation does with customer-service's and experience-service's events. */
@ApplicationScoped
public class CustomerEventsHandler implements EventHandler {
    private final SegmentService segments;
    private final CustomerLifecycle lifecycle;

    public CustomerEventsHandler(SegmentService segments, CustomerLifecycle lifecycle) {
        this.segments = segments;
        this.lifecycle = lifecycle;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions
                .on(CustomerEvents.REGISTERED, segments::addProspect)
                .on(CustomerEvents.MERGED, lifecycle::merged)
                .on(CustomerEvents.ERASED, lifecycle::erased)
                .on(ExperienceEvents.SURVEY_ANSWERED, lifecycle::surveyed);
    }
}
