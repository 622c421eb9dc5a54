package org.ordercycle.returns.tickets;

/** How soon a ticket must be closed; with its type it sets the SLA. */
public enum TicketPriority {
    URGENT,
    HIGH,
    NORMAL,
    LOW
}
