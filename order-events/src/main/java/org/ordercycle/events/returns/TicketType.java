package org.ordercycle.events.returns;

/** The kinds of post-sales service the service desk handles. */
public enum TicketType {
    INSTALLATION,
    REPAIR,
    MAINTENANCE,
    TRAINING
}
