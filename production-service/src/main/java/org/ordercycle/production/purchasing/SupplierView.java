package org.ordercycle.production.purchasing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record SupplierView(UUID id, String name, String email, String phone, UUID partyId,
        BigDecimal receivedQuantity, BigDecimal rejectedQuantity, BigDecimal rejectRate, Instant createdAt) {

    static SupplierView from(Supplier supplier) {
        return new SupplierView(supplier.id, supplier.name, supplier.email, supplier.phone, supplier.partyId,
                supplier.receivedQuantity, supplier.rejectedQuantity, supplier.rejectRate(), supplier.createdAt);
    }
}
