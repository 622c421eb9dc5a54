package org.ordercycle.returns.returncase;

/** Where a return case stands. */
public enum ReturnState {
    /** Asked for, waiting for a person with role {@code returns}: outside its window or above the automatic value. */
    REQUESTED,
    /** The goods may come back (a claim: its refund is about to be requested). */
    AUTHORIZED,
    /** A person refused it, with a reason. Final. */
    REJECTED,
    /** A carrier will collect the goods on the pickup date. */
    PICKUP_SCHEDULED,
    /** The carrier collected the goods; on their way back. */
    IN_TRANSIT,
    /** The goods came back and were inspected; the refund is requested from billing. */
    RECEIVED,
    /** A claim without goods: its refund is requested from billing. */
    REFUND_REQUESTED,
    /** Finished: refunded (on billing's RefundPaid), replaced, or not refunded. */
    CLOSED
}
