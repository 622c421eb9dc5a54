package org.ordercycle.production.stocktaking;

import jakarta.validation.constraints.Pattern;

/** Opens a count of a warehouse (the default one if none is named). */
public record StockCountRequest(
        @Pattern(regexp = "[A-Z0-9_-]{1,32}", message = "must be a warehouse code") String warehouse) {
}
