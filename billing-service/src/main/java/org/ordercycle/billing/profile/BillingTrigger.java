package org.ordercycle.billing.profile;

/** When a customer's shipments are invoiced. */
public enum BillingTrigger {
    /** One invoice per shipment, as soon as it left (the default). */
    PER_SHIPMENT,
    /** One invoice per shipment once the customer has it ({@code ShipmentDelivered}). */
    ON_DELIVERY,
    /** One consolidated invoice per period (weekly or monthly) with every shipment that left in it. */
    PERIODIC
}
