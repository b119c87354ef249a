package crm.events.inbox;

/** A record no retry can fix: it goes to failed_event at once. */
public final class InvalidEvent extends RuntimeException {
    InvalidEvent(String message) {
        super(message);
    }
}
