package crm.customer.event;

import crm.customer.service.ActivityService;
import crm.customer.service.PreferenceService;
import crm.events.experience.ExperienceEvents;
import crm.events.inbox.EventHandler;
import crm.events.inbox.Subscriptions;
import crm.events.transaction.TransactionEvents;
import jakarta.enterprise.context.ApplicationScoped;

/** Purchases and experiences tell customer-service when a customer was last seen and what they prefer. */
@ApplicationScoped
public class CustomerActivityHandler implements EventHandler {
    private final PreferenceService preferences;
    private final ActivityService activity;

    public CustomerActivityHandler(PreferenceService preferences, ActivityService activity) {
        this.preferences = preferences;
        this.activity = activity;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions
                .on(TransactionEvents.RECORDED, transaction -> {
                    preferences.observe(transaction);
                    activity.seen(transaction.customerId(), transaction.occurredAt());
                })
                .on(ExperienceEvents.LOGGED, logged -> activity.seen(logged.customerId(), logged.occurredAt()));
    }
}
