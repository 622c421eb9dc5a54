package org.ordercycle.kit.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.ordercycle.events.Money;

/**
 * The one rounding rule of OrderCycle, so that the order sales shows, the invoice billing issues, the refund returns
 * asks for and the credit note billing writes agree to the cent:
 * <ul>
 * <li>line net = round(quantity × unit price × (1 − discount/100), 2, HALF_UP);</li>
 * <li>tax per rate = round(Σ line nets at that rate × rate/100, 2, HALF_UP) — per rate, never per line;</li>
 * <li>gross = net + tax.</li>
 * </ul>
 */
public final class Amounts {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Amounts() {
    }

    /** A priced quantity: what one line of an order, invoice, return or credit note is worth before tax. */
    public record Line(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxRate) {

        public Line {
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(unitPrice, "unitPrice");
            Objects.requireNonNull(taxRate, "taxRate");
            discountPercent = discountPercent == null ? BigDecimal.ZERO : discountPercent;
        }

        /** round(quantity × unit price × (1 − discount/100), 2, HALF_UP). */
        public BigDecimal net() {
            BigDecimal factor = BigDecimal.ONE.subtract(discountPercent.divide(HUNDRED));
            return quantity.multiply(unitPrice).multiply(factor).setScale(2, RoundingMode.HALF_UP);
        }
    }

    /** Net, tax and gross of some lines, with the net and tax per tax rate (ascending rate). */
    public record Totals(Money net, Money tax, Money gross, Map<BigDecimal, Money> netByRate,
            Map<BigDecimal, Money> taxByRate) {
    }

    /** round(quantity × unit price × (1 − discount/100), 2, HALF_UP). */
    public static BigDecimal lineNet(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent) {
        return new Line(quantity, unitPrice, discountPercent, BigDecimal.ZERO).net();
    }

    /** The totals of the lines, tax rounded once per rate. Rates are compared by value (19 equals 19.0). */
    public static Totals totals(Collection<Line> lines, String currency) {
        Map<BigDecimal, BigDecimal> netByRate = new TreeMap<>();
        for (Line line : lines) {
            netByRate.merge(line.taxRate().stripTrailingZeros(), line.net(), BigDecimal::add);
        }
        BigDecimal net = zero();
        BigDecimal tax = zero();
        Map<BigDecimal, Money> nets = new TreeMap<>();
        Map<BigDecimal, Money> taxes = new TreeMap<>();
        for (Map.Entry<BigDecimal, BigDecimal> rate : netByRate.entrySet()) {
            BigDecimal rateTax = rate.getValue().multiply(rate.getKey()).divide(HUNDRED).setScale(2, RoundingMode.HALF_UP);
            nets.put(rate.getKey(), new Money(rate.getValue(), currency));
            taxes.put(rate.getKey(), new Money(rateTax, currency));
            net = net.add(rate.getValue());
            tax = tax.add(rateTax);
        }
        return new Totals(new Money(net, currency), new Money(tax, currency), new Money(net.add(tax), currency),
                nets, taxes);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
