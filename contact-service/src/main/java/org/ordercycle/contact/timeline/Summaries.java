package org.ordercycle.contact.timeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ordercycle.events.Money;

/** How figures read in a summary a CRM user reads: "12.50 EUR", "2 of line 1". */
final class Summaries {

    private Summaries() {
    }

    static String money(Money money) {
        return money(money.amount(), money.currency());
    }

    static String money(BigDecimal amount, String currency) {
        BigDecimal shown = amount.scale() < 2 ? amount.setScale(2, RoundingMode.UNNECESSARY) : amount;
        return shown.toPlainString() + " " + currency;
    }

    static String quantity(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString();
    }

    static String units(BigDecimal quantity) {
        return quantity(quantity) + (quantity.compareTo(BigDecimal.ONE) == 0 ? " unit" : " units");
    }

    static String lines(int count) {
        return count + (count == 1 ? " line" : " lines");
    }

    /** "2 of line 1, 1 of line 2" */
    static <T> String perLine(List<T> lines, Function<T, BigDecimal> quantity, Function<T, Integer> lineNo) {
        return lines.stream().map(line -> quantity(quantity.apply(line)) + " of line " + lineNo.apply(line))
                .collect(Collectors.joining(", "));
    }

    static BigDecimal sum(List<BigDecimal> quantities) {
        return quantities.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
