package org.ordercycle.production.stock;

import java.time.Instant;
import java.util.UUID;

/**
 * Why and by whom stock moves: written on every ledger entry so that every figure can be explained.
 *
 * @param by        user name of the person who acted; null for a change no person made (a reservation)
 * @param orderId   the order the movement is for, if any
 * @param lineNo    that order's line, if any
 * @param reference what else it refers to: a receipt, shipment, return, stock count, transfer
 * @param reason    free text
 */
public record Cause(Instant at, String by, UUID orderId, Integer lineNo, String reference, String reason) {

    public static Cause of(Instant at, String by, String reference, String reason) {
        return new Cause(at, by, null, null, reference, reason);
    }

    public static Cause forOrder(Instant at, String by, UUID orderId, String reason) {
        return new Cause(at, by, orderId, null, null, reason);
    }

    /** The same cause, for one line of its order. */
    public Cause line(int lineNo) {
        return new Cause(at, by, orderId, lineNo, reference, reason);
    }

    /** The same cause, for another order (a shortage that takes reservations away from several). */
    public Cause forOrder(UUID orderId) {
        return new Cause(at, by, orderId, null, reference, reason);
    }

    public Cause reference(String reference) {
        return new Cause(at, by, orderId, lineNo, reference, reason);
    }
}
