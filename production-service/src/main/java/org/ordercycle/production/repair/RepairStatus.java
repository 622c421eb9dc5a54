package org.ordercycle.production.repair;

public enum RepairStatus {
    /** On the repair shelf, waiting for the workshop. */
    QUEUED,
    /** Repaired: back in the default warehouse, sellable again. */
    REPAIRED,
    /** Could not be repaired: written off. */
    SCRAPPED
}
