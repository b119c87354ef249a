package crm.events;

/**
 * One kind of event: its CloudEvents {@code type}, the topic it travels on and its payload
 * record. Binding the three together keeps an event from being published on the wrong topic
 * or read as the wrong payload.
 */
public record EventType<T>(String name, String topic, Class<T> payloadClass) {

    public static <T> EventType<T> of(String name, String topic, Class<T> payloadClass) {
        return new EventType<>("crm." + name, topic, payloadClass);
    }
}
