package org.ordercycle.production.stocktaking;

public enum StockCountStatus {
    /** People are counting: lines may be recorded (a line counted again replaces the earlier one). */
    OPEN,
    /** The differences are booked as adjustments; the count takes no more lines. */
    POSTED
}
