package crm.experience.domain;

/**
 * Where a complaint is in service recovery. The only legal moves are OPEN → ACKNOWLEDGED (the
 * apology) → RESOLVED (what was done) → CLOSED (with an outcome): no skipping, no going back,
 * nothing after CLOSED.
 */
public enum ComplaintStatus {
    OPEN, ACKNOWLEDGED, RESOLVED, CLOSED;

    public boolean canMoveTo(ComplaintStatus to) {
        return switch (this) {
            case OPEN -> to == ACKNOWLEDGED;
            case ACKNOWLEDGED -> to == RESOLVED;
            case RESOLVED -> to == CLOSED;
            case CLOSED -> false;
        };
    }
}
