package org.ordercycle.sales.quote;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.ordercycle.kit.money.Amounts;
import org.ordercycle.sales.pricing.PricedLine;

/** One quoted line, priced as an order line would be, with its derivation: the order takes it as it is. */
@Embeddable
public class QuoteLine {

    public int lineNo;

    public String sku;

    public BigDecimal quantity;

    public BigDecimal listPrice;

    public BigDecimal unitPrice;

    public BigDecimal discountPercent;

    public BigDecimal taxRate;

    public String taxCategory;

    public BigDecimal unitCost;

    public String derivation;

    static QuoteLine of(PricedLine priced) {
        QuoteLine line = new QuoteLine();
        line.lineNo = priced.lineNo();
        line.sku = priced.sku();
        line.quantity = priced.quantity();
        line.listPrice = priced.listPrice();
        line.unitPrice = priced.unitPrice();
        line.discountPercent = priced.discountPercent();
        line.taxRate = priced.taxRate();
        line.taxCategory = priced.taxCategory();
        line.unitCost = priced.unitCost();
        line.derivation = String.join("\n", priced.derivation());
        return line;
    }

    PricedLine priced() {
        return new PricedLine(lineNo, sku, quantity, listPrice, unitPrice, discountPercent, taxRate, taxCategory,
                unitCost, derivationSteps());
    }

    List<String> derivationSteps() {
        return Arrays.asList(derivation.split("\n"));
    }

    Amounts.Line amounts() {
        return new Amounts.Line(quantity, unitPrice, discountPercent, taxRate);
    }
}
