package org.ordercycle.production.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One ledger entry, with the figures of its (product, warehouse) right after it: reading the list top down explains
 * every figure.
 */
public record MovementView(long id, String warehouse, MovementKind kind, BigDecimal onHandChange,
        BigDecimal reservedChange, BigDecimal onHandAfter, BigDecimal reservedAfter, Instant movedAt, String movedBy,
        UUID orderId, Integer lineNo, String reference, String reason) {
}
