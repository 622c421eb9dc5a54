package org.ordercycle.events.returns;

/** The kinds of post-sales service the service desk handles. */
public enum TicketType {
    INSTALLATION,
    REPAIR,
    MAINTENANCE,
    TRAINING,
    /** The customer complains (about a delivery, an invoice, a person); may lead to a return or a replacement. */
    COMPLAINT
}
