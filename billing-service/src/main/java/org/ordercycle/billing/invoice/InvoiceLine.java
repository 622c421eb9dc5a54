package org.ordercycle.billing.invoice;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import org.ordercycle.billing.order.AgreedLine;
import org.ordercycle.kit.money.Amounts;

/** A shipped quantity of one order line at the agreed price, discount and tax rate. */
@Embeddable
public class InvoiceLine {

    public int lineNo;
    public String sku;
    public BigDecimal quantity;
    public BigDecimal unitPrice;
    public BigDecimal discountPercent;
    public BigDecimal taxRate;
    public BigDecimal net;

    static InvoiceLine shipped(AgreedLine agreed, BigDecimal quantity) {
        InvoiceLine line = new InvoiceLine();
        line.lineNo = agreed.lineNo;
        line.sku = agreed.sku;
        line.quantity = quantity;
        line.unitPrice = agreed.unitPrice;
        line.discountPercent = agreed.discountPercent;
        line.taxRate = agreed.taxRate;
        line.net = line.amounts().net();
        return line;
    }

    public Amounts.Line amounts() {
        return new Amounts.Line(quantity, unitPrice, discountPercent, taxRate);
    }
}
