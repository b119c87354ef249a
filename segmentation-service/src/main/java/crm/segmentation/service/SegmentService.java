package crm.segmentation.service;

import crm.events.customer.CustomerRegistered;
import crm.rest.ProblemException;
import crm.segmentation.domain.CustomerSegment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

@ApplicationScoped
public class SegmentService {

    /** A newly registered customer is a prospect until their first purchase. */
    @Transactional
    public void addProspect(CustomerRegistered registered) {
        if (CustomerSegment.findById(registered.customerId()) != null) {
            return;
        }
        CustomerSegment segment = new CustomerSegment();
        segment.customerId = registered.customerId();
        segment.level = CustomerSegment.PROSPECT;
        segment.levelSince = registered.registeredAt();
        segment.registeredAt = registered.registeredAt();
        segment.persist();
    }

    @Transactional
    public CustomerSegment get(UUID customerId) {
        CustomerSegment segment = CustomerSegment.findById(customerId);
        if (segment == null) {
            throw ProblemException.notFound("No customer with id " + customerId + " is known to segmentation");
        }
        return segment;
    }
}
