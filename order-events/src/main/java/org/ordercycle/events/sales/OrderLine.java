package org.ordercycle.events.sales;

import java.math.BigDecimal;

import org.ordercycle.events.Money;
import org.ordercycle.events.OptionalField;

/**
 * One line of an order. In {@link OrderAccepted} price, discount and tax rate are the agreed ones and the
 * only ones billing may invoice with; in {@link OrderPlaced} they may still be absent.
 *
 * @param lineNo          stable line number within the order, referenced by shipments, returns and invoices
 * @param quantity        in the product's unit
 * @param unitPrice       net price of one unit before the line discount
 * @param discountPercent e.g. {@code 5.0} for 5 %
 * @param taxRate         percent, e.g. {@code 19.0}
 * @param taxCategory     the EN 16931 VAT category code sales determined for the line (UNCL 5305: {@code S} standard,
 *                        {@code Z} zero rated, {@code E} exempt, {@code AE} reverse charge, {@code K} intra-community
 *                        supply, {@code G} export); absent from producers that predate it, read as {@code S} when the
 *                        rate is above zero and {@code Z} otherwise
 */
public record OrderLine(int lineNo, String sku, BigDecimal quantity,
        @OptionalField(in = OrderPlaced.class) Money unitPrice,
        @OptionalField(in = OrderPlaced.class) BigDecimal discountPercent,
        @OptionalField(in = OrderPlaced.class) BigDecimal taxRate, @OptionalField String taxCategory) {
}
