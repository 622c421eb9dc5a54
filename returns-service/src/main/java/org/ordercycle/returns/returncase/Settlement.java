package org.ordercycle.returns.returncase;

/** How the customer wants the money: back to the original means of payment, or as credit on the next invoice. */
public enum Settlement {
    REFUND,
    CREDIT
}
