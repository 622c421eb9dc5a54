package org.ordercycle.sales.order;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import org.ordercycle.kit.money.Amounts;

/** One line of an order: so much of one product, at the price, discount and tax rate agreed when it was placed. */
@Embeddable
public class OrderLine {

    /** 1..n in the order the customer gave them; shipments, invoices and returns refer to it. */
    public int lineNo;

    public String sku;

    public BigDecimal quantity;

    /** Net price of one unit before the discount, in the order's currency. */
    public BigDecimal unitPrice;

    public BigDecimal discountPercent;

    public BigDecimal taxRate;

    /** All production dispatched of the line so far. */
    public BigDecimal shipped = BigDecimal.ZERO;

    static OrderLine priced(int lineNo, String sku, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal discountPercent, BigDecimal taxRate) {
        OrderLine line = new OrderLine();
        line.lineNo = lineNo;
        line.sku = sku;
        line.quantity = quantity;
        line.unitPrice = unitPrice;
        line.discountPercent = discountPercent;
        line.taxRate = taxRate;
        return line;
    }

    boolean priced() {
        return unitPrice != null && taxRate != null;
    }

    Amounts.Line amounts() {
        return new Amounts.Line(quantity, unitPrice, discountPercent, taxRate);
    }

    void shipped(BigDecimal quantity) {
        shipped = shipped.add(quantity);
    }

    boolean fullyShipped() {
        return shipped.compareTo(quantity) >= 0;
    }
}
