package org.ordercycle.returns.returncase;

/** What inspection decided for returned goods. */
public enum Resolution {
    /** The whole value at the agreed prices. */
    FULL_REFUND,
    /** Less than the whole value, with a reason (e.g. used, parts missing). */
    PARTIAL_REFUND,
    /** Nothing, with a reason (e.g. damaged by the customer). */
    NO_REFUND,
    /** The same goods again instead of money: sales makes a replacement order. */
    REPLACEMENT
}
