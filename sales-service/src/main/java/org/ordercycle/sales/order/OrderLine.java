package org.ordercycle.sales.order;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** One line of an order: so much of one product. */
@Embeddable
public class OrderLine {

    /** 1..n in the order the customer gave them; shipments, invoices and returns refer to it. */
    public int lineNo;

    public String sku;

    public BigDecimal quantity;

    static OrderLine of(int lineNo, String sku, BigDecimal quantity) {
        OrderLine line = new OrderLine();
        line.lineNo = lineNo;
        line.sku = sku;
        line.quantity = quantity;
        return line;
    }
}
