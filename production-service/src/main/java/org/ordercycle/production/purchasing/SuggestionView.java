package org.ordercycle.production.purchasing;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A purchase production should make: available (plus what is on order) fell below the reorder point.
 *
 * @param quantity the reorder quantity, or more if that would not lift it back to the reorder point
 */
public record SuggestionView(String sku, BigDecimal available, BigDecimal onOrder, BigDecimal reorderPoint,
        BigDecimal quantity, UUID supplierId) {
}
