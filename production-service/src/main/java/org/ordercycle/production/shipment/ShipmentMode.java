package org.ordercycle.production.shipment;

/** How goods reach the customer. */
public enum ShipmentMode {
    /** Picked from a warehouse and handed to a carrier. */
    WAREHOUSE,
    /** Straight from the production line to the carrier, without being put on a shelf first. */
    LINE,
    /** Delivered and installed at the customer's site by the own staff (carrier {@code ON_SITE}). */
    ON_SITE
}
