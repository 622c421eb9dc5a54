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
    /** EN 16931 VAT category (UNCL 5305) as sales agreed it; see {@link #taxCategory()}. */
    @jakarta.persistence.Column(name = "tax_category")
    public String agreedTaxCategory;

    static AgreedLine of(OrderLine line) {
        AgreedLine agreed = new AgreedLine();
        agreed.lineNo = line.lineNo();
        agreed.sku = line.sku();
        agreed.quantity = line.quantity();
        agreed.unitPrice = line.unitPrice().amount();
        agreed.discountPercent = line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
        agreed.taxRate = line.taxRate();
        agreed.agreedTaxCategory = line.taxCategory();
        return agreed;
    }

    /** The agreed category; absent (producers before it) means S when the rate is above zero, Z otherwise. */
    public String taxCategory() {
        if (agreedTaxCategory != null && !agreedTaxCategory.isBlank()) {
            return agreedTaxCategory;
        }
        return taxRate.signum() > 0 ? "S" : "Z";
    }
}
