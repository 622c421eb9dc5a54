package org.ordercycle.returns.returncase;

/** Where a return case stands. */
public enum ReturnState {
    /** Asked for; today authorization follows in the same transaction, so no case is ever seen in this state. */
    REQUESTED,
    /** The goods may come back. */
    AUTHORIZED,
    /** The goods came back and were inspected; the refund is requested from billing. */
    RECEIVED,
    /** Finished: the refund was paid. */
    CLOSED
}
