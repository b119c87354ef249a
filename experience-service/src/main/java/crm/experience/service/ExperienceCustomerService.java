package crm.experience.service;

import crm.events.customer.CustomerRegistered;
import crm.experience.domain.ExperienceCustomer;
import crm.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

@ApplicationScoped
public class ExperienceCustomerService {

    @Transactional
    public void register(CustomerRegistered registered) {
        if (ExperienceCustomer.findById(registered.customerId()) != null) {
            return;
        }
        ExperienceCustomer customer = new ExperienceCustomer();
        customer.customerId = registered.customerId();
        customer.kind = registered.kind();
        customer.knownSince = registered.registeredAt();
        customer.persist();
    }

    @Transactional
    public ExperienceCustomer get(UUID customerId) {
        ExperienceCustomer customer = ExperienceCustomer.findById(customerId);
        if (customer == null) {
            throw ProblemException.notFound("No customer with id " + customerId + " is known to experience");
        }
        return customer;
    }
}
