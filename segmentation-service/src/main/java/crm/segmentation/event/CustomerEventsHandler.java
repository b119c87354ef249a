package crm.segmentation.event;

import crm.events.customer.CustomerEvents;
import crm.events.inbox.EventHandler;
import crm.events.inbox.Subscriptions;
import crm.segmentation.service.SegmentService;
import jakarta.enterprise.context.ApplicationScoped;

/** What segmentation does with customer-service's events. */
@ApplicationScoped
public class CustomerEventsHandler implements EventHandler {
    private final SegmentService segments;

    public CustomerEventsHandler(SegmentService segments) {
        this.segments = segments;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(CustomerEvents.REGISTERED, segments::addProspect);
    }
}
