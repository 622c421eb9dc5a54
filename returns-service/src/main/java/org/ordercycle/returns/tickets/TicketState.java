package org.ordercycle.returns.tickets;

public enum TicketState {
    /** Waiting for a technician. */
    OPEN,
    /** A trained technician has it. */
    ASSIGNED,
    /** Done, with a resolution and a debrief. */
    CLOSED
}
