package org.ordercycle.returns.returncase;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import org.ordercycle.events.returns.ItemCondition;
import org.ordercycle.kit.money.Amounts;

/** So much of one order line coming back, at the price, discount and tax rate sales agreed for it. */
@Embeddable
public class ReturnCaseLine {

    public int lineNo;

    public String sku;

    public BigDecimal quantity;

    public BigDecimal unitPrice;

    public BigDecimal discountPercent;

    public BigDecimal taxRate;

    /** What inspection found; absent until the goods are received. */
    @Enumerated(EnumType.STRING)
    public ItemCondition condition;

    static ReturnCaseLine of(int lineNo, String sku, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal discountPercent, BigDecimal taxRate) {
        ReturnCaseLine line = new ReturnCaseLine();
        line.lineNo = lineNo;
        line.sku = sku;
        line.quantity = quantity;
        line.unitPrice = unitPrice;
        line.discountPercent = discountPercent;
        line.taxRate = taxRate;
        return line;
    }

    /** 4 as 4 whether the client sent 4.0 or the database returns 4.000: every event and view says it alike. */
    BigDecimal plainQuantity() {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    Amounts.Line amounts() {
        return new Amounts.Line(quantity, unitPrice, discountPercent, taxRate);
    }
}
