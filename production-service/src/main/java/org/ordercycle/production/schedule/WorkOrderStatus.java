package org.ordercycle.production.schedule;

public enum WorkOrderStatus {
    /** Scheduled into the work center's free capacity; its materials are reserved as far as they are there. */
    PLANNED,
    /** Made: materials used up, the goods reserved for the order. */
    COMPLETED,
    /** Its order was cancelled: materials given back, capacity freed. */
    CANCELLED
}
