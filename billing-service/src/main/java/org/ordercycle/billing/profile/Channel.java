package org.ordercycle.billing.profile;

/** How an invoice reaches the customer. */
public enum Channel {
    /** Sent by e-mail to the profile's invoice address (or contact's e-mail). */
    EMAIL,
    /** The customer downloads it. */
    PORTAL,
    /** Recorded for the EDI integration to pick up. */
    EDI
}
