package org.ordercycle.sales.order;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.ordercycle.kit.money.Amounts;
import org.ordercycle.sales.pricing.PricedLine;

/** One line of an order: so much of one product, at the price, discount and tax rate agreed when it was placed. */
@Embeddable
public class OrderLine {

    /** 1..n in the order the customer gave them; shipments, invoices and returns refer to it. */
    public int lineNo;

    public String sku;

    public BigDecimal quantity;

    /** The price list's unit price the derivation started from. */
    public BigDecimal listPrice;

    /** Net price of one unit before the discount, in the order's currency. */
    public BigDecimal unitPrice;

    public BigDecimal discountPercent;

    public BigDecimal taxRate;

    /** EN 16931 VAT category (S, Z, AE, G …) determined with the rate. */
    public String taxCategory;

    /** Production's cost of one unit when the line was priced; null when production announced none. */
    public BigDecimal unitCost;

    /** How the price was derived, one step per line of text. */
    public String derivation;

    /** All production dispatched of the line so far. */
    public BigDecimal shipped = BigDecimal.ZERO;

    static OrderLine priced(PricedLine priced) {
        OrderLine line = new OrderLine();
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

    /** A replacement line: the original line's goods and tax treatment, at no charge. */
    static OrderLine replacement(int lineNo, OrderLine original, BigDecimal quantity) {
        OrderLine line = new OrderLine();
        line.lineNo = lineNo;
        line.sku = original.sku;
        line.quantity = quantity;
        line.listPrice = original.listPrice;
        line.unitPrice = BigDecimal.ZERO;
        line.discountPercent = BigDecimal.ZERO;
        line.taxRate = original.taxRate;
        line.taxCategory = original.taxCategory;
        line.unitCost = original.unitCost;
        line.derivation = "replacement for line " + original.lineNo + " of the original order: no charge";
        return line;
    }

    boolean priced() {
        return unitPrice != null && taxRate != null;
    }

    Amounts.Line amounts() {
        return new Amounts.Line(quantity, unitPrice, discountPercent, taxRate);
    }

    /** Production's cost of the line, null when unknown. */
    BigDecimal cost() {
        return unitCost == null ? null : unitCost.multiply(quantity);
    }

    List<String> derivationSteps() {
        return derivation == null ? List.of() : Arrays.asList(derivation.split("\n"));
    }

    void shipped(BigDecimal quantity) {
        shipped = shipped.add(quantity);
    }

    void amendQuantity(BigDecimal quantity) {
        this.quantity = quantity;
    }

    boolean fullyShipped() {
        return shipped.compareTo(quantity) >= 0;
    }
}
