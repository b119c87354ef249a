package crm.events.inbox;

/**
 * A service's reaction to other services' events. Implement it as a CDI bean and register one
 * action per event type; {@link EventConsumer} runs each action in a transaction, at most once
 * per event id.
 */
public interface EventHandler {

    void subscribe(Subscriptions subscriptions);
}
