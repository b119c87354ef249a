package crm.events.segment;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A customer's pyramid level changed at the close of a period. For analysts: ids, levels and
 * the metrics behind the change, never a name, phone or e-mail.
 *
 * @param direction UP, DOWN, NEW (a prospect's first purchase), LOST (active to INACTIVE) or
 *                  REACTIVATED (INACTIVE to active)
 * @param rank      the customer's place in the period's ranking (1 = most valuable); null if not active
 */
public record SegmentChanged(UUID customerId, String period, String from, String to, String direction,
        BigDecimal revenue, BigDecimal margin, Integer rank) {
}
