package org.ordercycle.production.product;

import java.math.BigDecimal;
import java.util.List;

public record BillOfMaterialView(String sku, List<Component> components) {

    public record Component(String sku, BigDecimal quantity) {
    }

    static BillOfMaterialView of(String sku, List<BillOfMaterialLine> lines) {
        return new BillOfMaterialView(sku, lines.stream()
                .map(line -> new Component(line.componentSku, line.quantity)).toList());
    }
}
