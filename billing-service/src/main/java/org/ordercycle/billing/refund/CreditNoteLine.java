package org.ordercycle.billing.refund;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import org.ordercycle.billing.invoice.InvoiceLine;
import org.ordercycle.kit.money.Amounts;

/** A returned quantity of one invoice line, at the price, discount and tax rate it was invoiced at. */
@Embeddable
public class CreditNoteLine {

    public int lineNo;
    public String sku;
    public BigDecimal quantity;
    public BigDecimal unitPrice;
    public BigDecimal discountPercent;
    public BigDecimal taxRate;
    public String taxCategory;
    public BigDecimal net;

    static CreditNoteLine of(InvoiceLine invoiced, BigDecimal quantity) {
        CreditNoteLine line = new CreditNoteLine();
        line.lineNo = invoiced.lineNo;
        line.sku = invoiced.sku;
        line.quantity = quantity;
        line.unitPrice = invoiced.unitPrice;
        line.discountPercent = invoiced.discountPercent;
        line.taxRate = invoiced.taxRate;
        line.taxCategory = invoiced.taxCategory;
        line.net = line.amounts().net();
        return line;
    }

    Amounts.Line amounts() {
        return new Amounts.Line(quantity, unitPrice, discountPercent, taxRate);
    }
}
