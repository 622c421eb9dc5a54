package org.ordercycle.billing.refund;

/** A refund request billing cannot carry out however often it is tried: the kit dead-letters it with this message. */
public class RefundRefused extends RuntimeException {

    RefundRefused(String message) {
        super(message);
    }
}
