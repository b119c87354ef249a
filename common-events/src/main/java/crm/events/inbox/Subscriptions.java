package crm.events.inbox;

import crm.events.EventType;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** The event types a service consumes, each with the action it takes. */
public final class Subscriptions {
    private final Map<String, Action<?>> actions = new HashMap<>();

    public <T> Subscriptions on(EventType<T> type, Consumer<T> action) {
        if (actions.putIfAbsent(type.name(), new Action<>(type, action)) != null) {
            throw new IllegalStateException("Two handlers for " + type.name());
        }
        return this;
    }

    Action<?> action(String typeName) {
        return actions.get(typeName);
    }

    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        actions.values().forEach(action -> topics.add(action.type().topic()));
        return topics;
    }

    boolean isEmpty() {
        return actions.isEmpty();
    }

    record Action<T>(EventType<T> type, Consumer<T> consumer) {
        void apply(Object payload) {
            consumer.accept(type.payloadClass().cast(payload));
        }
    }
}
