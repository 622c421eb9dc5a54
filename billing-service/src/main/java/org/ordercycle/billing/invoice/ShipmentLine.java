package org.ordercycle.billing.invoice;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import org.ordercycle.billing.order.AgreedLine;
import org.ordercycle.kit.money.Amounts;

/** A shipped quantity of one order line, at the price, discount and tax agreed when it left. */
@Embeddable
public class ShipmentLine {

    public int lineNo;
    public String sku;
    public BigDecimal quantity;
    public BigDecimal unitPrice;
    public BigDecimal discountPercent;
    public BigDecimal taxRate;
    public String taxCategory;

    static ShipmentLine shipped(AgreedLine agreed, BigDecimal quantity) {
        ShipmentLine line = new ShipmentLine();
        line.lineNo = agreed.lineNo;
        line.sku = agreed.sku;
        line.quantity = quantity;
        line.unitPrice = agreed.unitPrice;
        line.discountPercent = agreed.discountPercent;
        line.taxRate = agreed.taxRate;
        line.taxCategory = agreed.taxCategory();
        return line;
    }

    Amounts.Line amounts() {
        return new Amounts.Line(quantity, unitPrice, discountPercent, taxRate);
    }
}
