package org.ordercycle.billing.order;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import org.ordercycle.events.sales.OrderLine;

/** One line of an accepted order at the price, discount and tax rate sales agreed. */
@Embeddable
public class AgreedLine {

    public int lineNo;
    public String sku;
    public BigDecimal quantity;
    public BigDecimal unitPrice;
    public BigDecimal discountPercent;
    public BigDecimal taxRate;

    static AgreedLine of(OrderLine line) {
        AgreedLine agreed = new AgreedLine();
        agreed.lineNo = line.lineNo();
        agreed.sku = line.sku();
        agreed.quantity = line.quantity();
        agreed.unitPrice = line.unitPrice().amount();
        agreed.discountPercent = line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
        agreed.taxRate = line.taxRate();
        return agreed;
    }
}
