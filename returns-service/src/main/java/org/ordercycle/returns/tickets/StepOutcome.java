package org.ordercycle.returns.tickets;

/** How a technician went through a playbook step. */
public enum StepOutcome {
    FOLLOWED,
    /** Done otherwise than the playbook says; the note says how and why. */
    DEPARTED
}
