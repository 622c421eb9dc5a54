package org.ordercycle.production.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A recorded goods receipt, with the product's stock after it (backorders it filled already reserved). */
public record ReceiptView(UUID id, String sku, String warehouse, BigDecimal quantity, Instant receivedAt,
        String receivedBy, StockView stock) {
}
